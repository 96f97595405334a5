package nl.asylumchain.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * The engine's SQL is built per statement from MyBatis mappings with many optional conditions, each an OGNL expression
 * such as {@code authCheck.shouldPerformAuthorizationCheck}. OGNL remembers a property's bean getter, but a property
 * read through a method that is no bean getter it looks up again at every evaluation: {@code OgnlRuntime.getReadMethod}
 * copies and lowercases the names of every public method of the class (MyBatis 3.5.15 and 3.5.19 alike). That lookup
 * was a third of the time spent building the engine's statements, and building them was 8 % of a forecast's run and
 * most of each process instance and task query (docs/forecast.md, "Eighth round"). This accessor answers the same
 * properties with the same methods, found once per class and name; what it does not find by a method (a public field,
 * a property that does not exist) it leaves to OGNL's own accessor, as before.
 *
 * <p>Installed for every class OGNL reads through its object accessor ({@link #install()}, before the engine builds
 * its first statement); classes with an accessor of their own (maps, lists, MyBatis's context) keep theirs.
 */
public final class RememberedReadMethods extends ObjectPropertyAccessor {

    private static final Object[] NO_ARGUMENTS = new Object[0];
    private static final RememberedReadMethods INSTANCE = new RememberedReadMethods();

    private final Map<Class<?>, Map<String, Optional<Method>>> methods = new ConcurrentHashMap<>();

    RememberedReadMethods() {}

    /** Makes OGNL read objects' properties through this accessor; idempotent. */
    public static void install() {
        OgnlRuntime.setPropertyAccessor(Object.class, INSTANCE);
    }

    @Override
    public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
        Method method = target == null ? null : readMethod(target.getClass(), name);
        if (method == null || !context.getMemberAccess().isAccessible(context, target, method, name)) {
            return super.getPossibleProperty(context, target, name);
        }
        try {
            return OgnlRuntime.invokeMethod(target, method, NO_ARGUMENTS);
        } catch (InvocationTargetException e) {
            throw new OgnlException(name, e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new OgnlException(name, e);
        }
    }

    /** The method OGNL reads the property through: the bean getter, or else a method of the property's name. */
    Method readMethod(Class<?> type, String name) {
        return methods.computeIfAbsent(type, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> {
                    Method getter = OgnlRuntime.getGetMethod(type, n);
                    return Optional.ofNullable(getter != null ? getter : OgnlRuntime.getReadMethod(type, n, null));
                })
                .orElse(null);
    }
}
