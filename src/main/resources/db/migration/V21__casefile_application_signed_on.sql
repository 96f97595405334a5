-- The application counts from its signature at identification and registration (I&R), not from the arrival:
-- empty while the person has reported (aangemeld) but not yet signed.
alter table cases add column application_signed_on date;
