package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.dataflow.runtime.model.Partitioning;
import dev.dataflow.runtime.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code @Partitioned}: what it requires (each mistake a compile error with the fix), the DDL it generates (run on
 * a real PostgreSQL), the migration that turns a populated plain table into a partitioned one, and the refusal of
 * any other partitioning change.
 */
class PartitionedModelTest {

  private static JavaFileObject event(String classAnnotations, String fields) {
    return model(
        "Event", "@Model\n" + classAnnotations + "public record Event(\n    Long id,\n" + fields + ") {}\n");
  }

  private static final String FIELDS =
      "    @Column(nullable = false) String name,\n"
          + "    @Column(nullable = false, defaultValue = \"now()\") Instant happenedAt,\n"
          + "    Instant seenAt,\n"
          + "    Integer weight\n";

  private static void assertError(JavaFileObject source, String message, String line, JavaFileObject... others) {
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = source;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation compilation = compile(all);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @Test
  void partitionColumnMustExist() {
    assertError(
        event("@Partitioned(by = \"happened\")\n", FIELDS),
        "@Partitioned(by = \"happened\") names no column or field of Event; name one of its NOT NULL date/time"
            + " columns: happened_at, seen_at, created_at, updated_at",
        "@Partitioned(by");
  }

  @Test
  void partitionColumnMustHoldATime() {
    assertError(
        event("@Partitioned(by = \"weight\")\n", FIELDS),
        "@Partitioned(by = \"weight\") names column weight (INTEGER), which holds no date or time",
        "@Partitioned(by");
  }

  @Test
  void partitionColumnMustBeNotNull() {
    assertError(
        event("@Partitioned(by = \"seenAt\")\n", FIELDS),
        "the partition column seen_at is nullable, but it becomes part of the key of a partitioned table; declare"
            + " field seenAt @Column(nullable = false, defaultValue = \"now()\")",
        "@Partitioned(by");
  }

  @Test
  void uniqueColumnWithoutThePartitionColumnIsRefused() {
    assertError(
        event(
            "@Partitioned(by = \"happenedAt\")\n",
            "    @Unique @Column(nullable = false) String name,\n"
                + "    @Column(nullable = false) Instant happenedAt\n"),
        "@Unique on name of Event: a unique constraint of a partitioned table must include the partition column"
            + " happened_at, which PostgreSQL cannot enforce otherwise; make name @Indexed instead of @Unique, or"
            + " remove @Partitioned",
        "@Partitioned(by");
  }

  @Test
  void uniqueIndexWithoutThePartitionColumnIsRefused() {
    assertError(
        event("@Partitioned(by = \"happenedAt\")\n@Index(columns = \"name\", unique = true)\n", FIELDS),
        "unique @Index uq_events_name of Event: a unique index of a partitioned table must include the partition"
            + " column happened_at",
        "@Partitioned(by");
  }

  @Test
  void referencesToAPartitionedModelAreRefused() {
    JavaFileObject partitioned = event("@Partitioned(by = \"happenedAt\")\n", FIELDS);
    JavaFileObject note =
        model("Note", "@Model\npublic record Note(Long id, @References(Event.class) Long eventId) {}\n");
    assertError(
        note,
        "@References(Event.class) on field eventId of Note: Event is @Partitioned, and a foreign key needs a unique"
            + " key on the referenced column alone",
        "@References(Event.class)",
        partitioned);
  }

  @Test
  void referencesFromAPartitionedModelAreFine() {
    JavaFileObject partitioned =
        event(
            "@Partitioned(by = \"happenedAt\", interval = Partitioned.Interval.DAY)\n",
            FIELDS + "    , @References(Outlet.class) Long outletId\n");
    assertThat(compile(partitioned, Sources.outlet())).succeeded();
  }

  /** The model's own DDL, as TableCreator runs it: the table, its key with the partition column, partitions. */
  @Test
  void modelDdlCreatesThePartitionedTableItsPartitionsAndTheDefault() throws Exception {
    Compilation compilation =
        compile(event("@Partitioned(by = \"happenedAt\", interval = Partitioned.Interval.WEEK)\n", FIELDS));
    assertThat(compilation).succeeded();
    String schema =
        Sources.joinedLiterals(
            compilation
                .generatedFile(StandardLocation.SOURCE_OUTPUT, "dev/dataflow/models/EventSchema.java")
                .orElseThrow()
                .getCharContent(false)
                .toString());
    assertThat(schema).contains("constraint \\\"pk_events\\\" primary key (\\\"id\\\", \\\"happened_at\\\"))"
        + " partition by range (\\\"happened_at\\\")");
    assertThat(schema).contains(".withPartitioning(new Partitioning(\"happened_at\", Partitioning.Interval.WEEK))");
    List<String> ddl = ddlOf(schema);
    DataSource db = TestPostgres.newDataSource();
    for (int i = 0; i < 2; i++) { // idempotent
      for (String statement : ddl) {
        execute(db, statement);
      }
    }
    LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(java.time.DayOfWeek.MONDAY);
    assertThat(partitions(db, "events"))
        .containsExactly(
            "events_default",
            "events_p" + isoWeek(monday),
            "events_p" + isoWeek(monday.plusWeeks(1)));
    execute(db, "INSERT INTO events (name) VALUES ('now')");
    assertThat(query(db, "SELECT tableoid::regclass::text FROM events"))
        .containsExactly("events_p" + isoWeek(monday));
  }

  /**
   * For every interval and every kind of date/time column, the DDL's DO block (SQL) creates exactly the partitions
   * the runtime's {@code Partitioning} (Java) names for now and the next interval, and a row of now lands in the
   * first of them, not in the default partition.
   */
  @ParameterizedTest
  @CsvSource({
    "DAY, Instant", "WEEK, Instant", "MONTH, Instant", "YEAR, Instant",
    "DAY, OffsetDateTime", "MONTH, LocalDateTime", "WEEK, LocalDateTime", "YEAR, LocalDate", "DAY, LocalDate"
  })
  void sqlAndJavaAgreeOnPartitionNamesAndBounds(String interval, String type) throws Exception {
    Compilation compilation = compile(event(
        "@Partitioned(by = \"at\", interval = Partitioned.Interval." + interval + ")\n",
        "    @Column(nullable = false) " + type + " at,\n    String note\n"));
    assertThat(compilation).succeeded();
    String schema =
        Sources.joinedLiterals(
            compilation
                .generatedFile(StandardLocation.SOURCE_OUTPUT, "dev/dataflow/models/EventSchema.java")
                .orElseThrow()
                .getCharContent(false)
                .toString());
    DataSource db = TestPostgres.newDataSource();
    for (String statement : ddlOf(schema)) {
      execute(db, statement);
    }
    Partitioning partitioning = new Partitioning("at", Partitioning.Interval.valueOf(interval));
    java.time.LocalDateTime start =
        partitioning.start(java.time.LocalDateTime.now(ZoneOffset.UTC));
    String current = partitioning.partitionName("events", start);
    assertThat(partitions(db, "events"))
        .containsExactly(
            "events_default", current, partitioning.partitionName("events", partitioning.next(start)));
    String value = type.equals("LocalDate") ? "current_date" : type.equals("LocalDateTime")
        ? "now() AT TIME ZONE 'UTC'" : "now()";
    execute(db, "INSERT INTO events (at) VALUES (" + value + ")");
    String routed = query(db, "SELECT tableoid::regclass::text FROM events").get(0);
    // at midnight UTC the row may belong to the next interval already; never to the default partition
    assertThat(routed).isAnyOf(current, partitioning.partitionName("events", partitioning.next(start)));
  }

  private static String isoWeek(LocalDate day) {
    return String.format(
        "%04dw%02d",
        day.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        day.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The DDL string literals of the descriptor in a generated schema source. */
  private static List<String> ddlOf(String schema) {
    List<String> ddl = new ArrayList<>();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("\"((?:create table|create index|DO \\$\\$)(?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(schema);
    while (m.find()) {
      ddl.add(m.group(1).replace("\\n", "\n").replace("\\\"", "\""));
    }
    return ddl;
  }

  @TempDir Path dir;

  /** V1 plain; rows over several months; V2 adds @Partitioned: the rows move, each into its month's partition. */
  @Test
  void populatedTableBecomesPartitioned() throws Exception {
    String plain = "@Index(columns = {\"name\", \"happened_at\"})\n";
    assertThat(Migrations.generate(dir, event(plain, FIELDS))).succeeded();
    DataSource db = TestPostgres.newDataSource();
    execute(db, Migrations.files(dir).get("V1__create_events.sql"));
    LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    for (int months = 5; months >= 0; months--) {
      LocalDate day = thisMonth.minusMonths(months).plusDays(3);
      execute(db, "INSERT INTO events (name, happened_at, weight) VALUES ('m" + months + "', '" + day
          + " 12:00:00+00', " + months + ")");
    }
    execute(db, "DELETE FROM events WHERE name = 'm0'"); // the highest id is gone: the identity must not reuse it

    Compilation compilation =
        Migrations.generate(dir, event("@Partitioned(by = \"happenedAt\")\n" + plain, FIELDS));
    assertThat(compilation).succeeded();
    String sql = Migrations.files(dir).get("V2__partition_events.sql");
    assertThat(sql).contains("--   partition table events by range of happened_at (MONTH): its rows move to the new"
        + " partitioned table");
    assertThat(sql).contains("alter table \"events\" rename to \"events_unpartitioned\";");
    assertThat(sql).contains("insert into \"events\" (");
    assertThat(sql).contains("drop table \"events_unpartitioned\";");
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false); // as Flyway applies it: one transaction
      try (Statement s = c.createStatement()) {
        s.execute(sql);
      }
      c.commit();
    }
    List<String> expected = new ArrayList<>();
    for (int months = 5; months >= 1; months--) {
      LocalDate month = thisMonth.minusMonths(months);
      expected.add(String.format("events_p%04d_%02d m%d", month.getYear(), month.getMonthValue(), months));
    }
    assertThat(query(db, "SELECT tableoid::regclass::text || ' ' || name FROM events ORDER BY id"))
        .containsExactlyElementsIn(expected)
        .inOrder();
    assertThat(query(db, "SELECT count(*) FROM events_default")).containsExactly("0");
    execute(db, "INSERT INTO events (name) VALUES ('new')");
    assertThat(query(db, "SELECT id FROM events WHERE name = 'new'")).containsExactly("7");
    assertThat(query(db, "SELECT pg_get_serial_sequence('events', 'id')")).containsExactly("public.events_id_seq");
    assertThat(query(db, "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_events'"))
        .containsExactly("PRIMARY KEY (id, happened_at)");
    assertThat(query(db, "SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1"))
        .containsExactly("idx_events_name_happened_at", "pk_events");

    // Any other partitioning change is refused with the recipe.
    Compilation weekly =
        Migrations.generate(
            dir, event("@Partitioned(by = \"happenedAt\", interval = Partitioned.Interval.WEEK)\n" + plain, FIELDS));
    assertThat(weekly).failed();
    assertThat(weekly).hadErrorContaining("table events changes its partitioning from by happened_at, MONTH to by"
        + " happened_at, WEEK; repartitioning a table is not generated");
    Compilation unpartitioned = Migrations.generate(dir, event(plain, FIELDS));
    assertThat(unpartitioned).failed();
    assertThat(unpartitioned).hadErrorContaining("table events is no longer @Partitioned");
  }

  @Test
  void becomingPartitionedWhileColumnsChangeIsRefused() {
    assertThat(Migrations.generate(dir, event("", FIELDS))).succeeded();
    Compilation both =
        Migrations.generate(dir, event("@Partitioned(by = \"happenedAt\")\n", FIELDS + "    , String extra\n"));
    assertThat(both).failed();
    assertThat(both).hadErrorContaining("table events becomes @Partitioned while its columns also change");
    Map<String, String> files = Migrations.files(dir);
    assertThat(files.keySet()).containsExactly("V1__create_events.sql", "dataflow-schema.json");
  }

  static List<String> partitions(DataSource db, String table) throws SQLException {
    return query(db, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        + " WHERE i.inhparent = '" + table + "'::regclass ORDER BY 1");
  }

  static List<String> query(DataSource db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
