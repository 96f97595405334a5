-- The legal ground of each extension of the decision deadline (DMN decisionPeriodExtension, Vw 2000 art. 42 lid 4
-- onder a, b, c and lid 5). Extensions recorded before grounds were asked have none.
alter table decision_deadline_extensions add column ground varchar(40);
