package org.ahibridge.ledger.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Counts what the ledger sends to its database through a {@link DataSource}: every statement executed (each
 * {@code execute*} call, a JDBC batch as one) and every commit, explicit or by auto-commit (a statement run
 * outside a transaction commits on its own). Tests read the counts to hold the SQL per object to a budget.
 */
public final class StatementCounter {

    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();

    public long statements() {
        return statements.get();
    }

    public long commits() {
        return commits.get();
    }

    public void reset() {
        statements.set(0);
        commits.set(0);
    }

    /** {@code dataSource} with every connection counted. */
    public DataSource wrap(DataSource dataSource) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? connection(connection) : result;
        });
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (method.getName().equals("commit")) {
                commits.incrementAndGet();
            }
            if (result instanceof PreparedStatement prepared) {
                return statement(PreparedStatement.class, prepared, connection);
            }
            if (result instanceof Statement statement) {
                return statement(Statement.class, statement, connection);
            }
            return result;
        });
    }

    private <S extends Statement> S statement(Class<S> type, S statement, Connection connection) {
        return proxy(type, statement, (target, method, args) -> {
            if (method.getName().startsWith("execute")) {
                statements.incrementAndGet();
                if (connection.getAutoCommit()) {
                    commits.incrementAndGet();
                }
            }
            return invoke(target, method, args);
        });
    }

    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> handler.handle(target, method, args);
        return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
