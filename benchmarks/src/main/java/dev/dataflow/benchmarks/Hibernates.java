package dev.dataflow.benchmarks;

import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;

/**
 * Hibernate 7 bootstrapped without persistence.xml, on a given pool: one entity, no second-level or query cache, no
 * schema management (the models' migrations made the table), statistics off.
 */
final class Hibernates {
  private Hibernates() {}

  static {
    // Hibernate logs through JBoss Logging, which would pick java.util.logging here: send it to SLF4J (warnings only).
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
  }

  /** A session factory for {@code entity} on {@code pool}; {@code batchSize} 0 leaves JDBC batching off. */
  static SessionFactory sessionFactory(DataSource pool, Class<?> entity, int batchSize) {
    Configuration configuration = new Configuration().addAnnotatedClass(entity)
        .setProperty("hibernate.hbm2ddl.auto", "none")
        .setProperty("hibernate.cache.use_second_level_cache", false)
        .setProperty("hibernate.cache.use_query_cache", false)
        .setProperty("hibernate.generate_statistics", false)
        .setProperty("hibernate.show_sql", false);
    if (batchSize > 0) {
      configuration.setProperty("hibernate.jdbc.batch_size", batchSize)
          .setProperty("hibernate.order_inserts", true);
    }
    configuration.getProperties().put("hibernate.connection.datasource", pool);
    return configuration.buildSessionFactory();
  }
}
