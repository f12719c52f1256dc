"""A team's PostgreSQL server for the GUI tests of team mode: a cluster of
the tests' own in a temporary folder (tests/harness/pg-server), a team
database made with `rapport-cli team init`, and its members added with
`team add-user`, as a manager would. Not a test itself.

    with TeamServer() as server:
        password = server.add_user(db, "alex", "seller")
        server.join(db, "alex", password)

Environment: RAPPORT_PG_SERVER (the harness script), RAPPORT_CLI. When
PostgreSQL is not installed, TeamServer() raises Skip.
"""

import os
import re
import shutil
import subprocess
import tempfile


class Skip(Exception):
    pass


class TeamServer:
    def __init__(self, dbname="team"):
        self.script = os.environ["RAPPORT_PG_SERVER"]
        self.cli_path = os.environ["RAPPORT_CLI"]
        self.dir = tempfile.mkdtemp(prefix="rapport-pg-")
        if os.geteuid() == 0:
            # The cluster belongs to the postgres user, who must reach it.
            os.chmod(self.dir, 0o755)
        out = subprocess.run([self.script, "start", self.dir], capture_output=True, text=True)
        if out.returncode == 77:
            raise Skip("PostgreSQL is not installed")
        if out.returncode != 0:
            raise RuntimeError(f"pg-server start: {out.stderr.strip()}")
        self.superuser = out.stdout.strip().splitlines()[-1]
        self.port = re.search(r"port=(\S+)", self.superuser).group(1)
        self.dbname = dbname
        self.psql("postgres", f"CREATE DATABASE {dbname}")
        admin_db = os.path.join(self.dir, "manager.db")
        self.cli(admin_db, "init")
        self.cli(admin_db, "team", "init", f"{self.superuser} dbname={dbname}")
        self.admin_db = admin_db

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        subprocess.run([self.script, "stop", self.dir], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)

    def stop(self):
        subprocess.run([self.script, "stop", self.dir], check=True, capture_output=True)

    def start(self):
        subprocess.run([self.script, "start", self.dir], check=True, capture_output=True)

    def psql(self, dbname, sql):
        info = f"{self.superuser} dbname={dbname}"
        out = subprocess.run(["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-d", info, "-c", sql],
                             capture_output=True, text=True)
        if out.returncode != 0:
            raise RuntimeError(f"psql {sql}: {out.stderr.strip()}")
        return out.stdout.strip()

    def cli(self, db, *args, password=None):
        env = dict(os.environ)
        env.pop("PGPASSWORD", None)
        # Its output is read (add-user's password): untranslated, whatever
        # language the app under test runs in.
        env.pop("LANGUAGE", None)
        env["LC_ALL"] = "C.UTF-8"
        if password is not None:
            env["PGPASSWORD"] = password
        out = subprocess.run([self.cli_path, "--db", db, *args], capture_output=True, text=True, env=env)
        if out.returncode != 0:
            raise RuntimeError(f"rapport-cli {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def conninfo(self, user=None):
        """The server as a member's desktop names it: over TCP, no password."""
        info = f"host=127.0.0.1 port={self.port} dbname={self.dbname}"
        return info + (f" user={user}" if user else "")

    def add_user(self, name, role="seller"):
        """Adds @name to the team; returns their first password."""
        out = self.cli(self.admin_db, "team", "add-user", name, "--role", role)
        return re.search(r"password: (\S+)", out).group(1)

    def join(self, db, user, password):
        """Joins @db (a Rapport file) to the team as @user, as `team join` does."""
        return self.cli(db, "team", "join", self.conninfo(), "--user", user, password=password)
