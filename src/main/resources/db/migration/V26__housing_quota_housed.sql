-- The people who left reception for each municipality in each half-year with a taakstelling, kept as they move
-- (HousingRepository.leaveReception) instead of counted from housing_cases at every link proposal, which read every
-- move of the half-year and its predecessors each time (QuotaService.proposals; docs/reception-housing.md). Null: not counted
-- yet; the application counts it at start-up and whenever a taakstelling is set.
alter table municipality_quotas add column housed integer;
