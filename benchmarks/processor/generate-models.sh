#!/usr/bin/env bash
# Writes N @Model records into DIR (package bench.models), the shape issue 12 profiles: a record with 8 fields
# (key, one @References to the previous model, one @Json map, and five plain columns).
#   benchmarks/processor/generate-models.sh N DIR
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 N DIR   (writes N models into DIR/bench/models)" >&2
  exit 2
fi
n=$1
dir=$2/bench/models
mkdir -p "$dir"
for ((i = 1; i <= n; i++)); do
  name=$(printf 'Model%04d' "$i")
  if ((i == 1)); then
    parent="Long parentId,"
  else
    prev=$(printf 'Model%04d' $((i - 1)))
    parent="@Indexed @References(value = $prev.class, onDelete = OnDelete.SET_NULL) Long parentId,"
  fi
  cat >"$dir/$name.java" <<JAVA
package bench.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Generated benchmark model $i of $n. */
@Model
public record $name(
    Long id,
    $parent
    @Column(nullable = false, length = 64) String name,
    String description,
    @Column(nullable = false, defaultValue = "0") int quantity,
    @Column(precision = 12, scale = 2) BigDecimal price,
    Instant publishedAt,
    @Json Map<String, Object> attributes) {}
JAVA
done
