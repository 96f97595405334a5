-- The taakstelling's counts per municipality and half-year ("linked in this half-year", "left reception for the
-- municipality in this half-year", QuotaService) are asked at every link proposal and at every move; without an
-- index on the two dates each count read every housing case ever recorded (a few thousand a month nationally).
create index housing_cases_linked_at on housing_cases (linked_at);
create index housing_cases_left_reception_at on housing_cases (left_reception_at);
