-- Family reunification (nareis): a family member who arrives gets an own case, linked to the sponsor's case.
-- cases.sponsor_case_id points from the family member's case to the sponsor's case; family_members.linked_case_id
-- (from V1_1) points from the sponsor's family member to that case.
alter table cases add column sponsor_case_id uuid;
alter table cases add constraint cases_sponsor_fk foreign key (sponsor_case_id) references cases (case_id);
create index cases_sponsor on cases (sponsor_case_id);

alter table family_members add constraint family_members_linked_case_fk
    foreign key (linked_case_id) references cases (case_id);
create unique index family_members_linked_case on family_members (linked_case_id);
