-- The AA+ (the general asylum procedure with 3 extra days, Vb 2000 art. 3.110) is a procedure of its own: AA_PLUS.
alter table ind_procedures alter column ind_procedure set data type varchar(10);
