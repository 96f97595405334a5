-- Family reunification eligibility (DMN reunificationEligibility): a refused relation keeps the rule that refused
-- it, and the facts the rule was applied to, so that the case file can say why.
alter table family_reunifications add column relation_before_entry boolean;
alter table family_reunifications add column age_at_application integer;
alter table family_reunifications add column eligibility_rule varchar(60);
