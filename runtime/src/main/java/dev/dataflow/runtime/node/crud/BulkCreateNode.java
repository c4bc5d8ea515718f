package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.CopyText;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.JdbcValues;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;

/**
 * Inserts many rows, all or nothing: every record is converted and checked before any SQL runs, and the inserts
 * share one transaction. Parameters: {@code records} (list of column maps), {@code batch_size} (rows per INSERT,
 * default 1000), and optionally {@code on_conflict} ({@code "error"}, the default, {@code "ignore"} or
 * {@code "update"}) with {@code conflict_columns}. Output: {@code {inserted: n, updated: n, skipped: n, ids: [...]}}
 * with the ids in record order (null for a skipped record).
 *
 * <p>Plain inserts go through {@code COPY ... FROM STDIN}. Upserts copy each batch into a temporary table (created
 * in the node's transaction, {@code ON COMMIT DROP}) and merge it with one {@code INSERT ... SELECT ... ON CONFLICT
 * ... RETURNING} in record order; the returned keys and {@code (xmax = 0)} say which record was inserted, updated or
 * skipped.
 */
public abstract class BulkCreateNode extends CrudNode {
  public static final String BATCH_SIZE = "batch_size";
  public static final int DEFAULT_BATCH_SIZE = 1000;
  /** Whether the output lists the new rows' ids ({@code ids}); default true. False saves drawing and holding them. */
  public static final String RETURN_IDS = "return_ids";
  /** About how many characters of COPY text are sent at once. */
  private static final int COPY_CHUNK = 64 * 1024;
  private static final Pattern COPY_LINE = Pattern.compile("COPY [^,]+, line (\\d+)");
  /** The temporary table each batch of an upsert is copied into, and its column of record indexes. */
  private static final String UPSERT_SOURCE = "dataflow_upsert";
  private static final String ORDINAL = "dataflow_ord";
  /**
   * Upserts of fewer records than this run as one-row statements in a JDBC batch: creating the temporary table and
   * the extra round trips of COPY and merge cost more than they save there. Measured with BulkUpsertComparison
   * (products, half new): 10 records 6,500 rows/s one-row against 3,100 merged, 40 records 12,500 against 7,300,
   * 60 records 8,600 against 9,800, 100 records 13,400 against 17,600.
   */
  static final int MERGE_FROM = 50;
  /** PostgreSQL's limit on bind parameters in one statement. */
  private static final int MAX_BIND_PARAMETERS = 65_535;

  private final List<ParamSpec> parameters;
  private final StatementCache<Shape> shapes = new StatementCache<>();
  private final StatementCache<CreateNode.UpsertShape> upserts = new StatementCache<>();
  private final StatementCache<List<String>> copyStatements = new StatementCache<>();
  private final StatementCache<List<String>> sourceCopies = new StatementCache<>();
  private final StatementCache<MergeShape> merges = new StatementCache<>();
  private final String createUpsertSource;
  private final String truncateUpsertSource;
  private final String dropUpsertSource;
  /** The table's quoted name, the first bind of {@link CopyText#nextKeys()}: rendered once, not per batch. */
  private final String quotedTable;

  protected BulkCreateNode(ModelDescriptor model) {
    super(model, NodeKind.BULK_CREATE);
    this.quotedTable = CopyText.quotedTable(model);
    this.createUpsertSource = CopyText.createUpsertSource(model, UPSERT_SOURCE, ORDINAL);
    this.truncateUpsertSource = "truncate \"" + UPSERT_SOURCE + "\"";
    this.dropUpsertSource = "drop table \"" + UPSERT_SOURCE + "\"";
    List<ParamSpec> specs = new ArrayList<>(List.of(
        ParamSpec.of(RECORDS, ParamType.RECORDS, true, "list of maps of column names to values")
            .withCheck(this::checkRecords),
        ParamSpec.of(BATCH_SIZE, ParamType.INTEGER, false, "records per batch (one COPY; for an upsert, one COPY"
            + " and one merge), default " + DEFAULT_BATCH_SIZE),
        ParamSpec.of(RETURN_IDS, ParamType.BOOLEAN, false, "whether the output lists the new ids, default true")));
    specs.addAll(OnConflict.parameters(model));
    this.parameters = List.copyOf(specs);
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = OnConflict.check(params, connected);
    if (!problems.isEmpty() || connected.contains(RECORDS) || connected.contains(OnConflict.CONFLICT_COLUMNS)
        || connected.contains(OnConflict.ON_CONFLICT) || params.get(OnConflict.CONFLICT_COLUMNS) == null) {
      return problems;
    }
    // Literal records: the same checks as at run time (each record's own values are already checked).
    try {
      OnConflict onConflict = OnConflict.of(model, params);
      // No DataFlow at build(), so no zone: read as the other build-time checks do (RowValues), in UTC.
      if (!(params.get(RECORDS) instanceof List<?> records)) {
        return problems; // an Iterable or a Stream is read once, at run time
      }
      onConflict.refuseDuplicateKeys(rows(records, onConflict, null, ZoneOffset.UTC), RECORDS);
    } catch (InvalidParameterException e) {
      return List.of(new ParamProblem(e.parameter(), e.reason()));
    }
    return List.of();
  }

  @Override
  public Set<String> outputs() {
    return Set.of("inserted", "updated", "skipped", "ids");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    int batchSize = params.get(BATCH_SIZE) == null
        ? DEFAULT_BATCH_SIZE : ParamValues.nonNegativeInt(params.get(BATCH_SIZE), BATCH_SIZE);
    if (batchSize == 0) {
      throw new InvalidParameterException(BATCH_SIZE, "must be at least 1");
    }
    boolean returnIds = params.get(RETURN_IDS) == null || ParamValues.bool(params.get(RETURN_IDS), RETURN_IDS);
    OnConflict onConflict = OnConflict.of(model, params);
    if (!onConflict.upsert()) {
      return copyAll(context, params.get(RECORDS), batchSize, returnIds);
    }
    // Upserts: every record converted first (their keys must not repeat), then each batch copied and merged.
    List<Map<String, Object>> rows = rows(materialize(params.get(RECORDS)), onConflict, context.piiScrubber(),
        context.zone());
    onConflict.refuseDuplicateKeys(rows, RECORDS);
    Object[] ids = new Object[rows.size()];
    Outcome[] outcomes = new Outcome[rows.size()];
    if (!rows.isEmpty()) {
      context.transaction(connection -> {
        upsertAll(connection, rows, onConflict, batchSize, ids, outcomes, context);
        return null;
      });
    }
    int[] counts = new int[Outcome.values().length];
    for (Outcome outcome : outcomes) {
      counts[outcome.ordinal()]++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      out.put(outcome.key, counts[outcome.ordinal()]);
    }
    if (returnIds) {
      out.put("ids", Arrays.asList(ids));
    }
    context.addRowsAffected(counts[Outcome.INSERTED.ordinal()] + counts[Outcome.UPDATED.ordinal()]);
    return out;
  }

  /**
   * Plain inserts, streamed: the records are read once, one batch at a time; each batch is converted, checked,
   * scrubbed and sent with {@code COPY ... FROM STDIN}, all batches in one transaction. A bad record fails the node
   * (its index named) and the transaction takes back every batch before it. Keys of an identity column are drawn
   * from its sequence before each batch, so the ids come back in record order without a RETURNING.
   */
  private Map<String, Object> copyAll(NodeContext context, Object records, int batchSize, boolean returnIds)
      throws SQLException {
    List<Object> ids = returnIds ? new ArrayList<>() : null;
    long inserted;
    try (Records input = Records.of(records)) {
      inserted = context.transaction(connection -> {
        long total = 0;
        List<Map<String, Object>> batch = new ArrayList<>(Math.min(batchSize, 10_000));
        long expected = records instanceof java.util.Collection<?> all ? all.size() : -1;
        int first = 0;
        int index = 0;
        while (input.hasNext()) {
          String path = RECORDS + "." + index;
          Map<String, Object> row = RowValues.forCreate(model, ParamValues.asMap(input.next(), path), path,
              context.zone());
          Scrubbing.beforeInsert(model, row, context.piiScrubber());
          batch.add(row);
          index++;
          if (batch.size() == batchSize) {
            total += copyBatch(connection, batch, first, ids);
            first = index;
            batch.clear();
            context.reportProgress(index, expected);
          }
        }
        if (!batch.isEmpty()) {
          total += copyBatch(connection, batch, first, ids);
          context.reportProgress(index, expected);
        }
        return total;
      });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(Outcome.INSERTED.key, (int) inserted);
    out.put(Outcome.UPDATED.key, 0);
    out.put(Outcome.SKIPPED.key, 0);
    if (returnIds) {
      out.put("ids", ids);
    }
    context.addRowsAffected(inserted);
    return out;
  }

  /**
   * Copies one batch (records {@code first} on) and appends their ids to {@code ids} in record order (null: not
   * wanted). Records that give the same columns share one COPY.
   */
  private long copyBatch(Connection connection, List<Map<String, Object>> batch, int first, List<Object> ids)
      throws SQLException {
    Map<List<String>, List<Integer>> groups = groupByColumns(batch);
    Object[] batchIds = ids == null ? null : new Object[batch.size()];
    ColumnDescriptor key = model.keyColumn();
    long copied = 0;
    for (Map.Entry<List<String>, List<Integer>> group : groups.entrySet()) {
      List<String> columns = group.getKey();
      List<Integer> members = group.getValue();
      boolean keyGiven = columns.contains(key.name());
      if (ids != null && !keyGiven && !key.generated()) {
        // a key the database makes some other way (a default): only RETURNING can say which
        List<Map<String, Object>> rows = new ArrayList<>(members.size());
        members.forEach(i -> rows.add(batch.get(i)));
        Object[] returned = new Object[rows.size()];
        insertAll(connection, rows, rows.size(), returned);
        for (int i = 0; i < members.size(); i++) {
          batchIds[members.get(i)] = returned[i];
        }
        copied += rows.size();
        continue;
      }
      List<String> copyColumns = columns;
      if (ids != null && !keyGiven) {
        List<Object> keys = nextKeys(connection, members.size());
        for (int i = 0; i < members.size(); i++) {
          batch.get(members.get(i)).put(key.name(), keys.get(i));
        }
        copyColumns = new ArrayList<>(columns.size() + 1);
        copyColumns.add(key.name());
        copyColumns.addAll(columns);
      }
      copied += copy(connection, copyColumns, batch, members, first);
      if (batchIds != null) {
        for (int i : members) {
          batchIds[i] = batch.get(i).get(key.name());
        }
      }
    }
    if (ids != null) {
      ids.addAll(Arrays.asList(batchIds));
    }
    return copied;
  }

  /** One {@code COPY ... FROM STDIN} of the {@code members} of {@code batch}, sent in pieces of about 64 KB. */
  private long copy(Connection connection, List<String> columns, List<Map<String, Object>> batch,
      List<Integer> members, int first) throws SQLException {
    List<ColumnDescriptor> descriptors = new ArrayList<>(columns.size());
    columns.forEach(c -> descriptors.add(model.column(c)));
    String sql = copyStatements.get(columns, c -> CopyText.copyIn(model, c));
    CopyIn in = null;
    try {
      in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      StringBuilder text = new StringBuilder(COPY_CHUNK + 1024);
      for (int i : members) {
        CopyText.appendRow(text, descriptors, batch.get(i));
        if (text.length() >= COPY_CHUNK) {
          write(in, text);
        }
      }
      write(in, text);
      return in.endCopy();
    } catch (SQLException e) {
      cancel(in, e);
      throw DatabaseErrors.translate(e, "bulk insert into " + model.table() + " (" + recordsOf(e, members, first)
          + ")");
    }
  }

  private static void write(CopyIn in, StringBuilder text) throws SQLException {
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    in.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  /**
   * Which record a failed COPY stopped at, from the server's context ({@code COPY t, line 3}), as
   * {@code "record 17"}; else the range the COPY held.
   */
  private static String recordsOf(SQLException e, List<Integer> members, int first) {
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null
        && p.getServerErrorMessage().getWhere() != null) {
      Matcher m = COPY_LINE.matcher(p.getServerErrorMessage().getWhere());
      if (m.find()) {
        int line = Integer.parseInt(m.group(1));
        if (line >= 1 && line <= members.size()) {
          return "record " + (first + members.get(line - 1));
        }
      }
    }
    return "records " + (first + members.get(0)) + ".." + (first + members.get(members.size() - 1));
  }

  /** The next {@code n} values of the key's identity sequence. */
  private List<Object> nextKeys(Connection connection, int n) throws SQLException {
    List<Object> keys = new ArrayList<>(n);
    try (PreparedStatement ps = connection.prepareStatement(CopyText.nextKeys())) {
      ps.setString(1, quotedTable);
      ps.setString(2, model.keyColumn().name());
      ps.setInt(3, n);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          keys.add(JdbcValues.read(rs, 1, model.keyColumn()));
        }
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "drawing " + n + " keys of " + model.table());
    }
    return keys;
  }

  /** The records in one list, for upserts (whose keys are compared across all records). */
  private static List<?> materialize(Object records) {
    if (records instanceof List<?> list) {
      return list;
    }
    List<Object> all = new ArrayList<>();
    try (Records input = Records.of(records)) {
      while (input.hasNext()) {
        all.add(input.next());
      }
    }
    return all;
  }

  /** Each literal record converted as at run time; records given as an Iterable or a Stream are checked as read. */
  private void checkRecords(Object records, String parameter) {
    if (!(records instanceof List<?> input)) {
      Records.requireReadable(records, parameter);
      return;
    }
    for (int i = 0; i < input.size(); i++) {
      String path = parameter + "." + i;
      RowValues.forCreate(model, ParamValues.asMap(input.get(i), path), path);
    }
  }

  /**
   * Every record converted (a date-time without offset read in {@code zone}), checked for the conflict columns, and
   * scrubbed ({@code scrubber} null: at build time, where only the checks count).
   */
  private List<Map<String, Object>> rows(List<?> input, OnConflict onConflict, PiiScrubber scrubber, ZoneId zone) {
    List<Map<String, Object>> rows = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      String path = RECORDS + "." + i;
      Map<String, Object> row = RowValues.forCreate(model, ParamValues.asMap(input.get(i), path), path, zone);
      onConflict.requireColumns(row, path);
      if (scrubber != null) {
        Scrubbing.beforeInsert(model, row, scrubber);
      }
      rows.add(row);
    }
    return rows;
  }

  /** The indexes of {@code rows} by the columns they give, in order of first appearance. */
  private static Map<List<String>, List<Integer>> groupByColumns(List<Map<String, Object>> rows) {
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    List<String> previousShape = null;
    List<Integer> previousGroup = null;
    for (int i = 0; i < rows.size(); i++) {
      Set<String> columns = rows.get(i).keySet();
      // Records usually share one shape: compare with the last one before copying the key set.
      if (previousShape == null || !sameOrder(previousShape, columns)) {
        previousShape = List.copyOf(columns);
        previousGroup = groups.computeIfAbsent(previousShape, k -> new ArrayList<>());
      }
      previousGroup.add(i);
    }
    return groups;
  }

  /** Multi-row INSERTs with RETURNING, for keys only the database knows; ids put back in the order of {@code rows}. */
  private void insertAll(Connection connection, List<Map<String, Object>> rows, int batchSize, Object[] ids) {
    Map<List<String>, List<Integer>> groups = groupByColumns(rows);
    int keyIndex = model.columnIndex(model.primaryKey()) + 1;
    for (Map.Entry<List<String>, List<Integer>> group : groups.entrySet()) {
      List<String> columns = group.getKey();
      List<Integer> members = group.getValue();
      int perStatement = Math.max(1, Math.min(batchSize, MAX_BIND_PARAMETERS / Math.max(1, columns.size())));
      for (int from = 0; from < members.size(); from += perStatement) {
        List<Integer> chunk = members.subList(from, Math.min(members.size(), from + perStatement));
        String sql = shapes.get(new Shape(columns, chunk.size()),
            s -> SqlRenderer.insert(model, s.columns(), s.rows()).sql());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
          int p = 1;
          for (int index : chunk) {
            p = JdbcValues.bindAll(ps, p, model, columns, rows.get(index));
          }
          try (ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
              ids[chunk.get(n++)] = JdbcValues.read(rs, keyIndex, model.keyColumn());
            }
          }
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "bulk insert into " + model.table()
              + " (records " + chunk.get(0) + ".." + chunk.get(chunk.size() - 1) + ")");
        }
      }
    }
  }

  /**
   * Upserts in batches: each run of up to {@code batchSize} records that give the same columns is copied into a
   * temporary table ({@link #UPSERT_SOURCE}, created in the node's transaction and dropped with it) and merged with
   * one {@code insert ... select ... on conflict ... returning}. The merge returns its rows in record order (the
   * order of the select), one per inserted or updated record: under "update" one per record, under "ignore" one per
   * inserted record, whose key (an identity key drawn before the COPY) says which.
   */
  private void upsertAll(Connection connection, List<Map<String, Object>> rows, OnConflict onConflict, int batchSize,
      Object[] ids, Outcome[] outcomes, NodeContext context) throws SQLException {
    ColumnDescriptor key = model.keyColumn();
    boolean update = onConflict.mode() == OnConflict.Mode.UPDATE;
    boolean created = false;
    int from = 0;
    while (from < rows.size()) {
      Set<String> shape = rows.get(from).keySet();
      int to = runEnd(rows, from, batchSize, onConflict, update);
      List<String> columns = List.copyOf(shape);
      List<String> insertOnly = Scrubbing.keptOnUpsertUpdate(model, rows.get(from));
      // Under "update" the merge returns one row per record, in record order, so the key may come from the table's
      // default. Under "ignore" it returns the inserted rows only: their keys, known beforehand, say which records
      // they are, so an identity key is drawn before the COPY; a key the database makes some other way (a default
      // that is no identity) leaves nothing to tell them apart, so those records run as one-row statements.
      boolean drawKeys = !update && !shape.contains(key.name());
      if (rows.size() < MERGE_FROM || (drawKeys && !key.generated())) {
        upsertRowByRow(connection, rows, from, to, columns, onConflict, ids, outcomes);
        from = to;
        context.reportProgress(from, rows.size());
        continue;
      }
      if (drawKeys) {
        List<Object> keys = nextKeys(connection, to - from);
        for (int i = from; i < to; i++) {
          rows.get(i).put(key.name(), keys.get(i - from));
        }
        List<String> withKey = new ArrayList<>(columns.size() + 1);
        withKey.add(key.name());
        withKey.addAll(columns);
        columns = List.copyOf(withKey);
        List<String> kept = new ArrayList<>(insertOnly);
        kept.add(key.name()); // a drawn key is the new row's; an existing row keeps its own
        insertOnly = List.copyOf(kept);
      }
      if (!created) {
        execute(connection, createUpsertSource, "creating the temporary table of a bulk upsert into "
            + model.table());
        created = true;
      } else {
        execute(connection, truncateUpsertSource, "emptying the temporary table of a bulk upsert into "
            + model.table());
      }
      copyToSource(connection, columns, rows, from, to);
      merge(connection, new MergeShape(columns, onConflict, insertOnly), rows, from, to, ids, outcomes);
      from = to;
      context.reportProgress(from, rows.size());
    }
    if (created) {
      // ON COMMIT DROP takes it away at the end of the transaction; dropped now too, in case the workflow's
      // transaction holds another bulk upsert
      execute(connection, dropUpsertSource, "dropping the temporary table of a bulk upsert into " + model.table());
    }
  }

  /**
   * Where the run of records from {@code from} ends: at most {@code batchSize} records giving the same columns, and
   * under "update" before a record whose conflict key PostgreSQL sees as one already in the run (two records that
   * differ only in ways {@link OnConflict#refuseDuplicateKeys} does not see, such as a time's offset), which one
   * statement could not update twice: the later record then updates the row in the next run, as a statement of its
   * own would.
   */
  private static int runEnd(List<Map<String, Object>> rows, int from, int batchSize, OnConflict onConflict,
      boolean update) {
    Set<String> shape = rows.get(from).keySet();
    Set<List<Object>> keys = update ? new HashSet<>() : null;
    int to = from;
    while (to < rows.size() && to - from < batchSize && rows.get(to).keySet().equals(shape)) {
      if (keys != null) {
        List<Object> k = onConflict.databaseKey(rows.get(to));
        if (k != null && !keys.add(k)) {
          break;
        }
      }
      to++;
    }
    return to;
  }

  private static void execute(Connection connection, String sql, String operation) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, operation);
    }
  }

  /** Copies records {@code from} to {@code to} (each with its index as the ordinal) into the temporary table. */
  private void copyToSource(Connection connection, List<String> columns, List<Map<String, Object>> rows, int from,
      int to) throws SQLException {
    List<ColumnDescriptor> descriptors = new ArrayList<>(columns.size());
    columns.forEach(c -> descriptors.add(model.column(c)));
    String sql = sourceCopies.get(columns, c -> CopyText.copyIntoSource(model, UPSERT_SOURCE, ORDINAL, c));
    CopyIn in = null;
    try {
      in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
      StringBuilder text = new StringBuilder(COPY_CHUNK + 1024);
      for (int i = from; i < to; i++) {
        text.append(i).append('\t');
        CopyText.appendRow(text, descriptors, rows.get(i));
        if (text.length() >= COPY_CHUNK) {
          write(in, text);
        }
      }
      write(in, text);
      in.endCopy();
    } catch (SQLException e) {
      cancel(in, e);
      List<Integer> members = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        members.add(i - from);
      }
      throw DatabaseErrors.translate(e, "bulk upsert into " + model.table() + " (" + recordsOf(e, members, from)
          + ")");
    }
  }

  /** The one {@code insert ... select ... on conflict} of records {@code from} to {@code to}, already copied. */
  private void merge(Connection connection, MergeShape shape, List<Map<String, Object>> rows, int from, int to,
      Object[] ids, Outcome[] outcomes) throws SQLException {
    String sql = merges.get(shape, s -> SqlRenderer.upsertFrom(model, UPSERT_SOURCE, ORDINAL, s.columns(),
        s.onConflict().columns(), s.onConflict().mode() == OnConflict.Mode.UPDATE, s.insertOnly()).sql());
    ColumnDescriptor key = model.keyColumn();
    boolean update = shape.onConflict().mode() == OnConflict.Mode.UPDATE;
    boolean keyKnown = shape.columns().contains(key.name());
    int next = from;
    try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Object id = JdbcValues.read(rs, 1, key);
        boolean inserted = rs.getBoolean(2);
        if (!update) {
          // "ignore" returns the inserted rows only, each with its record's key: the records between were skipped
          while (next < to && !id.equals(rows.get(next).get(key.name()))) {
            outcomes[next++] = Outcome.SKIPPED;
          }
        } else if (next < to && inserted && keyKnown && !id.equals(rows.get(next).get(key.name()))) {
          next = to; // not the record's own key: the rows are not in record order
        }
        if (next == to) {
          throw new IllegalStateException("the merge of records " + from + ".." + (to - 1) + " into "
              + model.table() + " returned rows out of record order");
        }
        ids[next] = id;
        outcomes[next++] = inserted ? Outcome.INSERTED : Outcome.UPDATED;
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "bulk upsert into " + model.table() + " (records " + from + ".." + (to - 1)
          + ")");
    }
    if (update && next != to) {
      throw new IllegalStateException("the merge of records " + from + ".." + (to - 1) + " into " + model.table()
          + " returned " + (next - from) + " rows, not one per record");
    }
    while (next < to) {
      outcomes[next++] = Outcome.SKIPPED;
    }
  }

  /**
   * One-row upserts in a JDBC batch, for a call of fewer than {@link #MERGE_FROM} records, and for "ignore" when
   * the database makes the key (a default other than an identity): each statement's update count says whether its
   * record was written or skipped.
   */
  private void upsertRowByRow(Connection connection, List<Map<String, Object>> rows, int from, int to,
      List<String> columns, OnConflict onConflict, Object[] ids, Outcome[] outcomes) {
    int keyIndex = model.columnIndex(model.primaryKey()) + 1;
    int insertedIndex = model.columns().size() + 1;
    String sql = upserts.get(
        new CreateNode.UpsertShape(columns, onConflict, Scrubbing.keptOnUpsertUpdate(model, rows.get(from))),
        shape -> shape.render(model));
    // RETURN_GENERATED_KEYS makes the driver keep each statement's RETURNING rows (the SQL already lists them),
    // in statement order, for getGeneratedKeys(); the update counts say which statements returned one.
    try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      for (int index = from; index < to; index++) {
        JdbcValues.bindAll(ps, 1, model, columns, rows.get(index));
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        for (int index = from; index < to; index++) {
          if (counts[index - from] == 0) {
            outcomes[index] = Outcome.SKIPPED;
            continue;
          }
          if (!rs.next()) {
            throw new IllegalStateException("the driver returned fewer rows than the update counts say");
          }
          ids[index] = JdbcValues.read(rs, keyIndex, model.keyColumn());
          outcomes[index] = rs.getBoolean(insertedIndex) ? Outcome.INSERTED : Outcome.UPDATED;
        }
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "bulk upsert into " + model.table() + " (records " + from + ".." + (to - 1)
          + ")");
    }
  }

  /** A merge statement's shape: the copied columns, the conflict rule, the columns an update leaves alone. */
  private record MergeShape(List<String> columns, OnConflict onConflict, List<String> insertOnly) {}

  /** Cancels a COPY still in progress after {@code failure}, whose suppressed exceptions get a failed cancel. */
  private static void cancel(CopyIn in, SQLException failure) {
    if (in != null && in.isActive()) {
      try {
        in.cancelCopy();
      } catch (SQLException suppressed) {
        failure.addSuppressed(suppressed);
      }
    }
  }

  /** What became of one record; the key is its count's name in the output. */
  private enum Outcome {
    INSERTED("inserted"), UPDATED("updated"), SKIPPED("skipped");

    private final String key;

    Outcome(String key) {
      this.key = key;
    }
  }

  private record Shape(List<String> columns, int rows) {}

  /** Whether {@code columns} iterates the same names in the same order as {@code shape}. */
  private static boolean sameOrder(List<String> shape, Set<String> columns) {
    if (shape.size() != columns.size()) {
      return false;
    }
    int i = 0;
    for (String column : columns) {
      if (!column.equals(shape.get(i++))) {
        return false;
      }
    }
    return true;
  }
}
