-- rapport-team-schema.sql — the team's PostgreSQL database, version 1
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Written by `rapport-cli team init` into an empty database, in one
-- transaction. Everything lives in the schema "rapport":
--
--   meta      what this database is (schema "rapport-team") and its version
--   member    the team: one database role per person, seller or manager
--   change    the ordered change log: every change a desktop pushed, in
--             the one order the whole team applies them in (seq)
--   record    the team's records as they are now, one row per record or
--             part, for reports and for row-level security
--   deals, contacts, organizations, stages, pipelines
--             views of record with typed columns, for a manager's SQL tools
--
-- Row-level security: every member sees all of the team's records; a
-- seller changes what they own (what they added, and the deals whose
-- owner field names them), a manager everything.
-- Desktops write only through rapport.push(), which checks the same rule
-- itself; the policies hold for a member's own SQL.

CREATE SCHEMA rapport;

CREATE TABLE rapport.meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO rapport.meta (key, value) VALUES ('schema', 'rapport-team'), ('version', '1');

CREATE TABLE rapport.member (
  role name PRIMARY KEY,
  is_manager boolean NOT NULL DEFAULT false,
  added_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rapport.change (
  seq bigserial PRIMARY KEY,
  desktop uuid NOT NULL,
  local_seq bigint NOT NULL,
  author name NOT NULL DEFAULT current_user,
  entity text NOT NULL,
  key jsonb NOT NULL,
  op text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  fields jsonb,
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (desktop, local_seq)
);

CREATE TABLE rapport.record (
  entity text NOT NULL,
  key jsonb NOT NULL,
  owner name NOT NULL DEFAULT current_user,
  fields jsonb NOT NULL,
  last_seq bigint NOT NULL,
  PRIMARY KEY (entity, key)
);

-- Whether @p_role is a manager. Given the role, since inside a function
-- of the definer's rights current_user is the definer.
CREATE FUNCTION rapport.is_manager (p_role name) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
  AS $$ SELECT coalesce((SELECT is_manager FROM rapport.member WHERE role = p_role), false) $$;

ALTER TABLE rapport.record ENABLE ROW LEVEL SECURITY;
CREATE POLICY record_seen ON rapport.record FOR SELECT USING (true);
CREATE POLICY record_added ON rapport.record FOR INSERT
  WITH CHECK (owner = current_user OR rapport.is_manager (current_user));
CREATE POLICY record_changed ON rapport.record FOR UPDATE
  USING (owner = current_user OR rapport.is_manager (current_user)
         OR (entity = 'deal' AND fields->>'owner' = current_user::text));
CREATE POLICY record_removed ON rapport.record FOR DELETE
  USING (owner = current_user OR rapport.is_manager (current_user));

ALTER TABLE rapport.change ENABLE ROW LEVEL SECURITY;
CREATE POLICY change_seen ON rapport.change FOR SELECT USING (true);
CREATE POLICY change_added ON rapport.change FOR INSERT WITH CHECK (author = current_user);

-- The member who logged in (session_user: inside a function of its
-- owner's rights current_user is the owner), or insufficient_privilege
-- for a role that is not in the team.
CREATE FUNCTION rapport.member_calling () RETURNS name
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog
  AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM rapport.member WHERE role = session_user) THEN
    RAISE EXCEPTION 'Only the team''s members may change its records.'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN session_user;
END
$$;

-- One change pushed by a desktop: logged in the team's order and applied
-- to the current state. A change already pushed (the same desktop and
-- local seq: a push retried after a lost answer) is not applied again;
-- its seq is returned as the first time. A change to a record the
-- member may not change fails with insufficient_privilege (42501) and
-- leaves nothing behind. Returns the change's seq; tells the listening
-- desktops with a NOTIFY carrying that seq alone.
--
-- It runs with its owner's rights and checks the member's itself, by
-- the same rule as the policies: under row-level security a look-up by
-- a jsonb key cannot use the table's index (jsonb's equality is not
-- leakproof), and every push would read the whole table. The member is
-- session_user, the role that logged in.
CREATE FUNCTION rapport.push (p_desktop uuid, p_local_seq bigint, p_entity text,
                              p_key jsonb, p_op text, p_fields jsonb) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
  AS $$
DECLARE
  s bigint;
  holder name;
  seller text;
  caller name := rapport.member_calling ();
BEGIN
  -- One push at a time, so the seqs commit in their order and a desktop
  -- that has seen seq N never misses a smaller one committed later.
  PERFORM pg_advisory_xact_lock (7262, 1);

  SELECT seq INTO s FROM rapport.change WHERE desktop = p_desktop AND local_seq = p_local_seq;
  IF FOUND THEN
    RETURN s;
  END IF;

  -- A deal is also its seller's: the member its owner field names (a
  -- deal a manager handed to them) may work it.
  SELECT owner, CASE WHEN entity = 'deal' THEN fields->>'owner' END INTO holder, seller
    FROM rapport.record WHERE entity = p_entity AND key = p_key FOR UPDATE;
  IF FOUND AND holder <> caller AND seller IS DISTINCT FROM caller::text AND NOT rapport.is_manager (caller) THEN
    IF p_op = 'delete' THEN
      RAISE EXCEPTION 'This record belongs to %: only they or a manager may delete it.', holder
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RAISE EXCEPTION 'This record belongs to %: only they or a manager may change it.', holder
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  INSERT INTO rapport.change (desktop, local_seq, author, entity, key, op, fields)
    VALUES (p_desktop, p_local_seq, caller, p_entity, p_key, p_op, p_fields) RETURNING seq INTO s;

  IF p_op = 'delete' THEN
    DELETE FROM rapport.record WHERE entity = p_entity AND key = p_key;
  ELSIF holder IS NOT NULL THEN
    UPDATE rapport.record SET fields = fields || coalesce (p_fields, '{}'), last_seq = s
      WHERE entity = p_entity AND key = p_key;
  ELSIF p_op = 'insert' THEN
    -- (An update of a record deleted meanwhile changes nothing: the
    -- deletion, ordered first, stands.)
    INSERT INTO rapport.record (entity, key, owner, fields, last_seq)
      VALUES (p_entity, p_key, caller, coalesce (p_fields, '{}'), s);
  END IF;

  PERFORM pg_notify ('rapport_changes', s::text);
  RETURN s;
END
$$;

-- Many changes of one desktop in one call, each as rapport.push() does
-- it, in the order given: a row per change with its seq, or with the
-- server's sentence when it was refused (the others go on).
CREATE FUNCTION rapport.push_many (p_desktop uuid, p_changes jsonb)
  RETURNS TABLE (local_seq bigint, seq bigint, refused text)
  LANGUAGE plpgsql SET search_path = pg_catalog
  AS $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM jsonb_to_recordset (p_changes)
             AS x (local_seq bigint, entity text, key jsonb, op text, fields jsonb)
  LOOP
    BEGIN
      local_seq := c.local_seq;
      seq := rapport.push (p_desktop, c.local_seq, c.entity, c.key, c.op, c.fields);
      refused := NULL;
    EXCEPTION WHEN insufficient_privilege THEN
      seq := NULL;
      refused := SQLERRM;
    END;
    RETURN NEXT;
  END LOOP;
END
$$;

-- What the first desktop of a team brings up, many rows at once: each a
-- record or part inserted, none of them the team's yet (a key the team
-- has already is left as the team has it). Set-based, so a file of
-- 100 000 deals goes up in the time of a copy, not of a million calls.
-- Returns how many changes it logged; a batch sent again logs none.
CREATE FUNCTION rapport.push_snapshot (p_desktop uuid, p_changes jsonb) RETURNS bigint
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog
  AS $$
DECLARE
  caller name := rapport.member_calling ();
  n bigint;
  last bigint;
BEGIN
  PERFORM pg_advisory_xact_lock (7262, 1);

  WITH logged AS (
    INSERT INTO rapport.change (desktop, local_seq, author, entity, key, op, fields)
      SELECT p_desktop, x.local_seq, caller, x.entity, x.key, 'insert', x.fields
      FROM jsonb_to_recordset (p_changes) AS x (local_seq bigint, entity text, key jsonb, fields jsonb)
      ORDER BY x.local_seq
      ON CONFLICT (desktop, local_seq) DO NOTHING
      RETURNING seq, entity, key, fields
  ), kept AS (
    INSERT INTO rapport.record (entity, key, owner, fields, last_seq)
      SELECT entity, key, caller, coalesce (fields, '{}'), seq FROM logged
      ON CONFLICT (entity, key) DO NOTHING
      RETURNING last_seq
  )
  SELECT count(*), max(last_seq) INTO n, last FROM kept;

  IF last IS NOT NULL THEN
    PERFORM pg_notify ('rapport_changes', last::text);
  END IF;
  RETURN n;
END
$$;

-- Adds a person to the team: a login role of their own (with @p_password
-- when the role is new: roles belong to the whole server, and a person
-- may already have one) in the group of members. Returns whether the
-- role was made. Run by the database's owner or another role that may
-- create roles.
CREATE FUNCTION rapport.add_member (p_role text, p_manager boolean, p_password text) RETURNS boolean
  LANGUAGE plpgsql SET search_path = pg_catalog
  AS $$
DECLARE
  made boolean := false;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    EXECUTE format ('CREATE ROLE %I LOGIN PASSWORD %L', p_role, p_password);
    made := true;
  END IF;
  IF NOT pg_has_role (p_role, 'rapport_member', 'MEMBER') THEN
    EXECUTE format ('GRANT rapport_member TO %I', p_role);
  END IF;
  INSERT INTO rapport.member (role, is_manager) VALUES (p_role, p_manager)
    ON CONFLICT (role) DO UPDATE SET is_manager = EXCLUDED.is_manager;
  RETURN made;
END
$$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'rapport_member') THEN
    CREATE ROLE rapport_member NOLOGIN;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA rapport TO rapport_member;
GRANT SELECT ON rapport.meta, rapport.member TO rapport_member;
GRANT SELECT, INSERT ON rapport.change TO rapport_member;
GRANT USAGE ON SEQUENCE rapport.change_seq_seq TO rapport_member;
GRANT SELECT, INSERT, UPDATE, DELETE ON rapport.record TO rapport_member;
REVOKE ALL ON FUNCTION rapport.add_member (text, boolean, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION rapport.push (uuid, bigint, text, jsonb, text, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION rapport.push_many (uuid, jsonb) FROM PUBLIC;
REVOKE ALL ON FUNCTION rapport.push_snapshot (uuid, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rapport.push (uuid, bigint, text, jsonb, text, jsonb) TO rapport_member;
GRANT EXECUTE ON FUNCTION rapport.push_many (uuid, jsonb) TO rapport_member;
GRANT EXECUTE ON FUNCTION rapport.push_snapshot (uuid, jsonb) TO rapport_member;

CREATE VIEW rapport.pipelines WITH (security_invoker = true) AS
  SELECT key->>'uid' AS uid, owner, fields->>'name' AS name, (fields->>'position')::integer AS position
  FROM rapport.record WHERE entity = 'pipeline';
CREATE VIEW rapport.stages WITH (security_invoker = true) AS
  SELECT key->>'uid' AS uid, fields->>'pipeline' AS pipeline_uid, fields->>'name' AS name,
         (fields->>'position')::integer AS position, (fields->>'probability')::integer AS probability
  FROM rapport.record WHERE entity = 'stage';
CREATE VIEW rapport.organizations WITH (security_invoker = true) AS
  SELECT key->>'uid' AS uid, owner, fields->>'name' AS name, fields->>'website' AS website,
         fields->>'phone' AS phone, fields->>'industry' AS industry
  FROM rapport.record WHERE entity = 'organization';
CREATE VIEW rapport.contacts WITH (security_invoker = true) AS
  SELECT key->>'uid' AS uid, owner, fields->>'name' AS name, fields->>'email' AS email,
         fields->>'phone' AS phone, fields->>'organization' AS organization_uid,
         fields->>'owner' AS seller
  FROM rapport.record WHERE entity = 'contact';
CREATE VIEW rapport.deals WITH (security_invoker = true) AS
  SELECT key->>'uid' AS uid, owner, fields->>'title' AS title,
         (fields->>'value')::bigint AS value_minor_units, fields->>'currency' AS currency,
         fields->>'stage' AS stage_uid, fields->>'contact' AS contact_uid,
         fields->>'organization' AS organization_uid,
         CASE (fields->>'status')::integer WHEN 1 THEN 'won' WHEN 2 THEN 'lost' ELSE 'open' END AS status,
         fields->>'expected_close' AS expected_close, fields->>'owner' AS seller
  FROM rapport.record WHERE entity = 'deal';
GRANT SELECT ON rapport.pipelines, rapport.stages, rapport.organizations, rapport.contacts,
                rapport.deals TO rapport_member;
