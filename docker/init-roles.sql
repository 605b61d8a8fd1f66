-- Same roles as etc/postgres.sh: the owner runs migrations, the app role is subject to row-level security.
CREATE ROLE erpsaas_owner LOGIN CREATEDB PASSWORD 'erpsaas_owner';
CREATE ROLE erpsaas_app LOGIN PASSWORD 'erpsaas_app';
GRANT erpsaas_app TO erpsaas_owner;
CREATE DATABASE erpsaas OWNER erpsaas_owner;
