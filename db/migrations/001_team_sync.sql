-- Command Post team sync, schema version 1.
--
-- Applied by `npm run db:migrate` as a superuser (or a role with BYPASSRLS and CREATEROLE): it
-- creates a cluster-wide role, and the SECURITY DEFINER functions below must be owned by a role
-- that row-level security does not apply to.
--
-- Who you are is `session_user`: the login the connection authenticated as. `current_user` is
-- not used for identity, because inside a SECURITY DEFINER function it is the function's owner
-- (a trigger would record the superuser as the uploader), and a member may `SET ROLE` to any
-- role they belong to. `session_user` means the same everywhere and only a superuser can change
-- it (SET SESSION AUTHORIZATION).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'command_post_member') THEN
    CREATE ROLE command_post_member NOLOGIN;
  END IF;
END
$$;

-- PostgreSQL 15 already revokes this; databases created by older versions still grant it, and
-- nobody but the admin should create objects next to ours.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO command_post_member;

CREATE TABLE teams (
  id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name text NOT NULL
);

CREATE TABLE members (
  team_id text NOT NULL REFERENCES teams (id),
  login name NOT NULL,
  display_name text,
  PRIMARY KEY (team_id, login)
);
CREATE INDEX members_login ON members (login);

-- A console id belongs to one login for good: another login cannot write under it.
CREATE TABLE consoles (
  console_id text PRIMARY KEY CHECK (console_id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  -- The team the console was first seen with.
  team_id text NOT NULL REFERENCES teams (id),
  login name NOT NULL DEFAULT session_user,
  first_seen timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE incidents (
  team_id text NOT NULL REFERENCES teams (id),
  incident_id text NOT NULL CHECK (incident_id ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
  -- The highest server_seq of the incident's events; moved only by the events trigger.
  head bigint NOT NULL DEFAULT 0,
  shared_by name NOT NULL DEFAULT session_user,
  shared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, incident_id)
);

CREATE TABLE events (
  id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,80}$'),
  team_id text NOT NULL,
  incident_id text NOT NULL,
  server_seq bigint NOT NULL,
  hlc text NOT NULL CHECK (hlc ~ '^[0-9]{13}-[0-9]{5}-[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  console_id text NOT NULL CHECK (console_id ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  uploaded_by name NOT NULL DEFAULT session_user,
  body jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, incident_id, server_seq),
  FOREIGN KEY (team_id, incident_id) REFERENCES incidents (team_id, incident_id)
);

-- ---- who belongs where ------------------------------------------------------------------
-- SECURITY DEFINER so that the policies below can read `members` without its own policy
-- applying again (which PostgreSQL refuses as infinite recursion).

CREATE FUNCTION command_post_my_teams() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$ SELECT team_id FROM public.members WHERE login = session_user $$;

-- Everyone who shares a team with the session's login, the login included.
CREATE FUNCTION command_post_teammates() RETURNS SETOF name
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT DISTINCT login FROM public.members
  WHERE team_id IN (SELECT team_id FROM public.members WHERE login = session_user)
$$;

-- Members write to their teams; the admin (superuser or BYPASSRLS) to any.
CREATE FUNCTION command_post_may_write(team text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM public.members WHERE team_id = team AND login = session_user)
      OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = session_user AND (rolsuper OR rolbypassrls))
$$;

-- ---- appending events -------------------------------------------------------------------
-- Gives each new event the next number of its incident, under a lock on the incident's row, so
-- the numbers are gap-free and commit in order: a reader that has seen N has seen 1..N. A row
-- whose id is already in the incident is dropped (RETURN NULL) before it takes a number; a
-- plain ON CONFLICT DO NOTHING would run this trigger first and burn one.

CREATE FUNCTION command_post_append_event() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
AS $$
DECLARE
  last_seq bigint;
  found_team text;
  found_incident text;
BEGIN
  -- Before any lock or lookup, so an outsider learns nothing about another team's ids.
  IF NOT public.command_post_may_write(NEW.team_id) THEN
    RAISE EXCEPTION 'login % is not a member of team %', session_user, NEW.team_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.uploaded_by := session_user;
  NEW.received_at := now();

  INSERT INTO public.incidents (team_id, incident_id, shared_by)
  VALUES (NEW.team_id, NEW.incident_id, session_user)
  ON CONFLICT DO NOTHING;
  SELECT head INTO last_seq FROM public.incidents
  WHERE team_id = NEW.team_id AND incident_id = NEW.incident_id
  FOR UPDATE;

  -- Under the lock: a concurrent push of the same id has committed or not started.
  SELECT team_id, incident_id INTO found_team, found_incident FROM public.events WHERE id = NEW.id;
  IF FOUND THEN
    IF found_team = NEW.team_id AND found_incident = NEW.incident_id THEN
      RETURN NULL;
    END IF;
    RAISE EXCEPTION 'event id % is already used by another incident', NEW.id
      USING ERRCODE = 'unique_violation';
  END IF;

  NEW.server_seq := last_seq + 1;
  UPDATE public.incidents SET head = NEW.server_seq
  WHERE team_id = NEW.team_id AND incident_id = NEW.incident_id;
  RETURN NEW;
END
$$;

CREATE TRIGGER events_append BEFORE INSERT ON events
FOR EACH ROW EXECUTE FUNCTION command_post_append_event();

-- One hint per incident per statement, delivered at commit, on the team's own channel
-- `command_post.<team>`, payload `<incident_id> <head>` (at most 64 + 1 + 19 bytes). NOTIFY
-- has no access control: any login may LISTEN to any channel, so a hint carries no content.
CREATE FUNCTION command_post_notify_events() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  PERFORM pg_notify('command_post.' || team_id, incident_id || ' ' || max(server_seq)::text)
  FROM new_events
  GROUP BY team_id, incident_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER events_notify AFTER INSERT ON events
REFERENCING NEW TABLE AS new_events
FOR EACH STATEMENT EXECUTE FUNCTION command_post_notify_events();

-- History is append-only, for everyone: members have no UPDATE or DELETE grant, and this stops
-- the owner too (short of disabling the trigger, which only a superuser or owner can do, on
-- the record).
CREATE FUNCTION command_post_refuse_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'Command Post history is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
FOR EACH ROW EXECUTE FUNCTION command_post_refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
FOR EACH STATEMENT EXECUTE FUNCTION command_post_refuse_change();

-- ---- row-level security -----------------------------------------------------------------
-- FORCE: the owner is held to the policies too (a superuser never is).

ALTER TABLE teams ENABLE ROW LEVEL SECURITY;
ALTER TABLE teams FORCE ROW LEVEL SECURITY;
ALTER TABLE members ENABLE ROW LEVEL SECURITY;
ALTER TABLE members FORCE ROW LEVEL SECURITY;
ALTER TABLE consoles ENABLE ROW LEVEL SECURITY;
ALTER TABLE consoles FORCE ROW LEVEL SECURITY;
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE incidents FORCE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;

CREATE POLICY teams_read ON teams FOR SELECT TO command_post_member
  USING (id IN (SELECT public.command_post_my_teams()));
CREATE POLICY members_read ON members FOR SELECT TO command_post_member
  USING (team_id IN (SELECT public.command_post_my_teams()));
CREATE POLICY incidents_read ON incidents FOR SELECT TO command_post_member
  USING (team_id IN (SELECT public.command_post_my_teams()));
CREATE POLICY events_read ON events FOR SELECT TO command_post_member
  USING (team_id IN (SELECT public.command_post_my_teams()));
CREATE POLICY events_write ON events FOR INSERT TO command_post_member
  WITH CHECK (team_id IN (SELECT public.command_post_my_teams()));
-- A console is seen by the teammates of its login in any team, so a person in two teams who
-- writes to both from one console is recognised in both.
CREATE POLICY consoles_read ON consoles FOR SELECT TO command_post_member
  USING (login IN (SELECT public.command_post_teammates()));
CREATE POLICY consoles_register ON consoles FOR INSERT TO command_post_member
  WITH CHECK (login = session_user AND team_id IN (SELECT public.command_post_my_teams()));

-- ---- grants -----------------------------------------------------------------------------
-- SELECT and INSERT only. INSERT names its columns: the server, not the client, fills
-- server_seq, uploaded_by, received_at (events) and login, first_seen (consoles).

REVOKE ALL ON teams, members, consoles, incidents, events, command_post_schema FROM PUBLIC;
GRANT SELECT ON teams, members, incidents, command_post_schema TO command_post_member;
GRANT SELECT ON consoles, events TO command_post_member;
GRANT INSERT (console_id, team_id) ON consoles TO command_post_member;
GRANT INSERT (id, team_id, incident_id, hlc, console_id, body) ON events TO command_post_member;

-- Functions are executable by PUBLIC unless revoked.
REVOKE ALL ON FUNCTION command_post_my_teams(), command_post_teammates(), command_post_may_write(text),
  command_post_append_event(), command_post_notify_events(), command_post_refuse_change() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION command_post_my_teams(), command_post_teammates(), command_post_may_write(text)
  TO command_post_member;

-- ---- admin helpers (superuser) ----------------------------------------------------------

CREATE FUNCTION command_post_add_team(team_id text, team_name text) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp
AS $$
  INSERT INTO public.teams (id, name) VALUES (team_id, team_name)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name
$$;

-- The login role comes first: CREATE ROLE x LOGIN PASSWORD '…' IN ROLE command_post_member
-- (or \password x in psql, which sends only a SCRAM verifier).
CREATE FUNCTION command_post_add_member(team_id text, member_login name, display_name text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = member_login AND rolcanlogin) THEN
    RAISE EXCEPTION 'there is no login role %', member_login
      USING HINT = format('CREATE ROLE %I LOGIN PASSWORD ''…'' IN ROLE command_post_member', member_login);
  END IF;
  IF NOT pg_catalog.pg_has_role(member_login, 'command_post_member', 'MEMBER') THEN
    EXECUTE format('GRANT command_post_member TO %I', member_login);
  END IF;
  INSERT INTO public.members (team_id, login, display_name)
  VALUES (command_post_add_member.team_id, member_login, command_post_add_member.display_name)
  ON CONFLICT ON CONSTRAINT members_pkey DO UPDATE SET display_name = excluded.display_name;
END
$$;

-- Takes the login out of the team from its next statement on; what it wrote stays.
CREATE FUNCTION command_post_remove_member(team_id text, member_login name) RETURNS void
LANGUAGE sql SET search_path = pg_catalog, public, pg_temp
AS $$
  DELETE FROM public.members m WHERE m.team_id = command_post_remove_member.team_id AND m.login = member_login
$$;

REVOKE ALL ON FUNCTION command_post_add_team(text, text), command_post_add_member(text, name, text),
  command_post_remove_member(text, name) FROM PUBLIC;
