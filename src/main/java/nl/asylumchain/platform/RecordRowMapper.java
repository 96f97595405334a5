package nl.asylumchain.platform;

import java.lang.reflect.Constructor;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps a row to a record by matching its components to the result's column labels once per result set:
 * {@code caseId} takes the column {@code case_id} (or {@code caseId}, {@code CASE_ID}), compared without case and
 * underscores. Values are read and converted as {@code JdbcClient.query(Class)} does.
 *
 * <p>Use it instead of {@code JdbcClient.query(SomeRecord.class)}: that mapper looks every component up by name
 * with {@code ResultSet.findColumn} on every row, first in camel case, and the driver answers a miss with an
 * exception and its stack trace (about twenty per row of {@code ind_procedures}); this one reads the column labels
 * once.
 */
public final class RecordRowMapper<T extends Record> implements RowMapper<T> {

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final Shape shape;

    /** The indexes of the last result set this mapper read, with that result set (one immutable pair). */
    private volatile Columns columns;

    private RecordRowMapper(Shape shape) {
        this.shape = shape;
    }

    public static <T extends Record> RecordRowMapper<T> of(Class<T> type) {
        return new RecordRowMapper<>(SHAPES.get(type));
    }

    @Override
    @SuppressWarnings("unchecked")
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        Columns seen = columns;
        if (seen == null || seen.resultSet() != rs) {
            seen = new Columns(rs, shape.indexes(rs.getMetaData()));
            columns = seen;
        }
        Object[] args = new Object[shape.types().length];
        for (int i = 0; i < args.length; i++) {
            TypeDescriptor type = shape.types()[i];
            Object value = JdbcUtils.getResultSetValue(rs, seen.indexes()[i], shape.reads()[i]);
            args[i] = shape.conversions().convert(value, type);
        }
        return (T) BeanUtils.instantiateClass(shape.constructor(), args);
    }

    private record Columns(ResultSet resultSet, int[] indexes) {}

    /**
     * A record's components with the type each is read as: its own, except an {@link Instant}, which is read as a
     * {@link Timestamp} and converted. Asked for an {@code Instant}, {@code JdbcUtils} first tries the driver's
     * {@code getObject(column, Instant.class)}; PostgreSQL's driver does not know the type and answers with an
     * exception and its stack trace, after which {@code JdbcUtils} reads a timestamp anyway: four exceptions per row
     * of {@code ind_procedures}, 0.25 s of the gauges' refresh for 11,778 undecided procedures.
     */
    private record Shape(
            Class<?> type,
            Constructor<?> constructor,
            String[] names,
            TypeDescriptor[] types,
            Class<?>[] reads,
            ConversionService conversions) {

        static Shape of(Class<?> type) {
            Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
            String[] names = BeanUtils.getParameterNames(constructor);
            TypeDescriptor[] types = new TypeDescriptor[names.length];
            Class<?>[] reads = new Class<?>[names.length];
            for (int i = 0; i < names.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
                reads[i] = types[i].getType() == Instant.class ? Timestamp.class : types[i].getType();
            }
            return new Shape(type, constructor, names, types, reads, DefaultConversionService.getSharedInstance());
        }

        int[] indexes(ResultSetMetaData metaData) throws SQLException {
            Map<String, Integer> byLabel = new HashMap<>();
            for (int column = metaData.getColumnCount(); column >= 1; column--) {
                // the first of two columns with the same label wins, as with ResultSet.findColumn
                byLabel.put(key(JdbcUtils.lookupColumnName(metaData, column)), column);
            }
            int[] indexes = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Integer column = byLabel.get(key(names[i]));
                if (column == null) {
                    throw new SQLException(
                            "No column for " + type.getSimpleName() + "." + names[i] + " among " + byLabel.keySet());
                }
                indexes[i] = column;
            }
            return indexes;
        }

        private static String key(String name) {
            return name.replace("_", "").toLowerCase(Locale.ROOT);
        }
    }
}
