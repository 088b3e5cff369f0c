-- Command Post team sync, schema version 2: artefact files.
--
-- A screenshot or log snippet is named on the timeline by an `artefact.attached` event that
-- carries its sha-256; the bytes travel here, one row per team and hash. A console uploads the
-- file before the event that names it, and a teammate fetches it when they open it. The row's
-- key is the hash of its bytes, and the database checks that it is: a member cannot file other
-- bytes under a hash (and every console checks again, because a superuser could).
--
-- Keyed by team as well as hash, so that one team never learns whether another holds a file.

CREATE TABLE artefact_files (
  team_id text NOT NULL REFERENCES teams (id),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- 35 MiB: the most Settings lets a console accept (artefactMaxMiB).
  size integer NOT NULL CHECK (size >= 0 AND size <= 36700160),
  bytes bytea NOT NULL,
  uploaded_by name NOT NULL DEFAULT session_user,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, hash),
  CONSTRAINT artefact_files_size CHECK (octet_length(bytes) = size),
  CONSTRAINT artefact_files_hash CHECK (encode(sha256(bytes), 'hex') = hash)
);

-- Stored as they came: images and PDFs are compressed already.
ALTER TABLE artefact_files ALTER COLUMN bytes SET STORAGE EXTERNAL;

CREATE TRIGGER artefact_files_append_only BEFORE UPDATE OR DELETE ON artefact_files
FOR EACH ROW EXECUTE FUNCTION command_post_refuse_change();
CREATE TRIGGER artefact_files_no_truncate BEFORE TRUNCATE ON artefact_files
FOR EACH STATEMENT EXECUTE FUNCTION command_post_refuse_change();

ALTER TABLE artefact_files ENABLE ROW LEVEL SECURITY;
ALTER TABLE artefact_files FORCE ROW LEVEL SECURITY;

CREATE POLICY artefact_files_read ON artefact_files FOR SELECT TO command_post_member
  USING (team_id IN (SELECT public.command_post_my_teams()));
CREATE POLICY artefact_files_write ON artefact_files FOR INSERT TO command_post_member
  WITH CHECK (team_id IN (SELECT public.command_post_my_teams()));

-- The server fills uploaded_by and received_at: members name only these four columns.
REVOKE ALL ON artefact_files FROM PUBLIC;
GRANT SELECT ON artefact_files TO command_post_member;
GRANT INSERT (team_id, hash, size, bytes) ON artefact_files TO command_post_member;
