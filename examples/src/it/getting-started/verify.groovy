// The build passed; check that it did what docs/getting-started.md says, not merely nothing.
def log = new File(basedir, 'build.log').text
assert new File(basedir, 'target/classes/com/example/NoteCreateNode.class').isFile() : 'the processor wrote no node'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0') : 'AppTest did not run'
// dataflow-embedded brings PostgreSQL 17 to an application too, not zonky's older default.
assert (log =~ /Using embedded PostgreSQL 17\.\d+ on port/).find() : 'not the PostgreSQL 17 of dataflow-embedded'
return true
