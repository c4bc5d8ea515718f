package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema of a compilation, as the class-output resource and as the committed snapshot. */
class SchemaSnapshotTest {
  static JavaFileObject outlet() {
    return model(
        "Outlet",
        "@Model\n"
            + "@Index(columns = {\"name\", \"-opened_at\"}, unique = true)\n"
            + "public record Outlet(\n"
            + "    Long id,\n"
            + "    @Unique @Column(nullable = false, length = 16) String code,\n"
            + "    @Column(nullable = false) String name,\n"
            + "    Instant openedAt) {}\n");
  }

  static JavaFileObject order() {
    return model(
        "Order",
        "@Model(table = \"orders\")\n"
            + "public record Order(\n"
            + "    Long id,\n"
            + "    @Indexed @References(value = Outlet.class, onDelete = OnDelete.CASCADE) Long outletId,\n"
            + "    @Column(nullable = false, defaultValue = \"'NEW'\") Status status,\n"
            + "    @Column(precision = 10, scale = 2) BigDecimal total,\n"
            + "    @Indexed @Json Map<String, Object> extra) {\n"
            + "  public enum Status { NEW, PAID }\n"
            + "}\n");
  }

  static final String EXPECTED =
      """
      {
        "formatVersion": 1,
        "tables": [
          {
            "name": "orders",
            "columns": [
              {
                "name": "id",
                "type": "BIGINT",
                "nullable": false,
                "identity": true,
                "default": null
              },
              {
                "name": "outlet_id",
                "type": "BIGINT",
                "nullable": true,
                "identity": false,
                "default": null
              },
              {
                "name": "status",
                "type": "TEXT",
                "nullable": false,
                "identity": false,
                "default": "'NEW'"
              },
              {
                "name": "total",
                "type": "NUMERIC(10,2)",
                "nullable": true,
                "identity": false,
                "default": null
              },
              {
                "name": "extra",
                "type": "JSONB",
                "nullable": true,
                "identity": false,
                "default": null
              },
              {
                "name": "created_at",
                "type": "TIMESTAMPTZ",
                "nullable": false,
                "identity": false,
                "default": "now()"
              },
              {
                "name": "updated_at",
                "type": "TIMESTAMPTZ",
                "nullable": false,
                "identity": false,
                "default": "now()"
              }
            ],
            "primaryKey": {
              "name": "pk_orders",
              "columns": [
                "id"
              ]
            },
            "uniqueConstraints": [],
            "checkConstraints": [
              {
                "name": "ck_orders_status",
                "column": "status",
                "allowedValues": [
                  "NEW",
                  "PAID"
                ]
              }
            ],
            "indexes": [
              {
                "name": "idx_orders_extra",
                "columns": [
                  "extra"
                ],
                "unique": false,
                "method": "gin"
              },
              {
                "name": "idx_orders_outlet_id",
                "columns": [
                  "outlet_id"
                ],
                "unique": false,
                "method": "btree"
              }
            ],
            "foreignKeys": [
              {
                "name": "fk_orders_outlet_id",
                "column": "outlet_id",
                "referencedTable": "outlets",
                "referencedColumn": "id",
                "onDelete": "CASCADE"
              }
            ]
          },
          {
            "name": "outlets",
            "columns": [
              {
                "name": "id",
                "type": "BIGINT",
                "nullable": false,
                "identity": true,
                "default": null
              },
              {
                "name": "code",
                "type": "VARCHAR(16)",
                "nullable": false,
                "identity": false,
                "default": null
              },
              {
                "name": "name",
                "type": "TEXT",
                "nullable": false,
                "identity": false,
                "default": null
              },
              {
                "name": "opened_at",
                "type": "TIMESTAMPTZ",
                "nullable": true,
                "identity": false,
                "default": null
              },
              {
                "name": "created_at",
                "type": "TIMESTAMPTZ",
                "nullable": false,
                "identity": false,
                "default": "now()"
              },
              {
                "name": "updated_at",
                "type": "TIMESTAMPTZ",
                "nullable": false,
                "identity": false,
                "default": "now()"
              }
            ],
            "primaryKey": {
              "name": "pk_outlets",
              "columns": [
                "id"
              ]
            },
            "uniqueConstraints": [
              {
                "name": "uq_outlets_code",
                "columns": [
                  "code"
                ]
              }
            ],
            "checkConstraints": [],
            "indexes": [
              {
                "name": "uq_outlets_name_opened_at",
                "columns": [
                  "name",
                  "opened_at DESC"
                ],
                "unique": true,
                "method": "btree"
              }
            ],
            "foreignKeys": []
          }
        ]
      }
      """;

  @Test
  void everyCompilationWritesTheSchemaResource() {
    Compilation compilation = compile(order(), outlet());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/dataflow/schema.json")
        .contentsAsUtf8String()
        .isEqualTo(EXPECTED);
  }

  @Test
  void snapshotIsSortedWhateverTheSourceOrder() {
    Compilation compilation = compile(outlet(), order());
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/dataflow/schema.json")
        .contentsAsUtf8String()
        .isEqualTo(EXPECTED);
  }

  @Test
  void committedSnapshotEqualsTheResource(@TempDir Path dir) {
    Compilation compilation = Migrations.generate(dir, order(), outlet());
    assertThat(compilation).succeeded();
    assertThat(Migrations.files(dir).get("dataflow-schema.json")).isEqualTo(EXPECTED);
  }

  @Test
  void twoCompilationsWriteByteIdenticalFiles(@TempDir Path first, @TempDir Path second) throws IOException {
    assertThat(Migrations.generate(first, order(), outlet())).succeeded();
    assertThat(Migrations.generate(second, outlet(), order())).succeeded();
    assertThat(Migrations.files(first).keySet())
        .containsExactly("V1__create_outlets_and_1_more.sql", "dataflow-schema.json");
    for (String name : Migrations.files(first).keySet()) {
      assertThat(bytes(second.resolve(name))).isEqualTo(bytes(first.resolve(name)));
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return java.nio.file.Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
