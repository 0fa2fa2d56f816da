//! Storage: RON files in the data dir, written atomically, with backups, a lock, schema
//! migrations and careful handling of files that fail to parse; CSV import.
