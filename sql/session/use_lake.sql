-- Make the attached lake the default database, so unqualified table names in sql/ are its own.
USE lake;
