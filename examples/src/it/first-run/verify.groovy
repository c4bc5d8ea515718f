// What the first run's builds said and did (both invocations write to build.log).
def log = new File(basedir, 'build.log').text
def project = basedir.toPath().toAbsolutePath().normalize().toString()
assert log.contains('To write the migration, run: mvn compile -Ddataflow.migrations.mode=generate '
    + '[-Ddataflow.migrations.description="what changed"] in ' + project) : 'no single-project command in the failure'
assert !log.contains('mvn -pl ') : 'a multi-module command for a project of its own'
assert new File(basedir, 'src/main/resources/db/migration/V1__create_notes.sql').isFile() : 'no migration written'
assert new File(basedir, 'target/classes/db/migration/V1__create_notes.sql').isFile() : 'not in the class output'
assert log.contains('Also written to the class output (db/migration/), so a run in this build applies it.')
assert (log =~ /Note \d+: Buy milk/).find() : 'App did not run on the migration generated in the same build'
return true
