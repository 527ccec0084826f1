/** Says once per run whether the PostgreSQL server suite runs, so a skipped server is never silent. */
export default function announceDatabases(): void {
  if (process.env.TEST_DATABASE_URL?.trim()) {
    console.log(
      `database tests: PGlite and the PostgreSQL server at ${new URL(process.env.TEST_DATABASE_URL).host}`,
    );
  } else {
    console.log(
      'database tests: PGlite only — the PostgreSQL server suite was skipped (set TEST_DATABASE_URL to run it)',
    );
  }
}
