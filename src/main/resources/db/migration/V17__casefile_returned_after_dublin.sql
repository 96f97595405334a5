-- Whether the applicant came back to the Netherlands after a Dublin transfer, as reported at intake: the IND, not
-- police or KMar, then does the identification and registration (Kamerstuk 19637 nr. 3173). Cases registered
-- before this column existed did not say so.
alter table cases add returned_after_dublin boolean not null default false;
