-- One database per PostgreSQL-backed service, as on the local stack.
CREATE DATABASE cluster;
CREATE DATABASE funding;
