package dev.lanyard.persistence;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.sessions.DatabaseSessionImpl;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Lets the application deploy while its database is unreachable.
 *
 * <p>The application server opens an EntityManager at deployment, and EclipseLink's login then insists on one
 * working connection; without one the whole deployment fails and the server answers 404 everywhere. With this
 * customizer a failed connection during login yields a stand-in that reports itself closed, exactly the state
 * EclipseLink's connection template is in after a normal login, so every later use connects afresh: requests
 * get 503 while the database is down and work again as soon as it returns. Readiness reports the outage.
 *
 * <p>It also makes a failed query fail fast. EclipseLink retries a query that failed on a broken connection three
 * times, five seconds apart, by default: with the database down a request then hangs for up to fifteen seconds
 * before its 503. One immediate retry is kept, for a pooled connection the database dropped when it restarted.
 */
public class DatabaseOutageTolerance implements SessionCustomizer {

    private static final int QUERY_RETRIES = 1;

    @Override
    public void customize(Session session) {
        tolerate(session.getDatasourceLogin());
        if (session instanceof ServerSession server) {
            tolerate(server.getReadConnectionPool().getLogin());
            server.getConnectionPools().values().forEach(pool -> tolerate(pool.getLogin()));
        }
    }

    private static void tolerate(Object login) {
        if (login instanceof DatabaseLogin databaseLogin) {
            databaseLogin.setQueryRetryAttemptCount(QUERY_RETRIES);
            databaseLogin.setDelayBetweenConnectionAttempts(0);
        }
        if (login instanceof DatasourceLogin datasourceLogin
                && datasourceLogin.getConnector() instanceof JNDIConnector connector
                && !(connector instanceof ToleratingConnector)) {
            datasourceLogin.setConnector(new ToleratingConnector(connector));
        }
    }

    /** Connects as usual; only while the session is still logging in does a failure give the stand-in. */
    static final class ToleratingConnector extends JNDIConnector {

        ToleratingConnector(JNDIConnector original) {
            super(original.getDataSource());
            setName(original.getName());
            setContext(original.getContext());
            setLookupType(original.getLookupType());
        }

        @Override
        public Connection connect(Properties properties, Session session) {
            try {
                return super.connect(properties, session);
            } catch (DatabaseException e) {
                if (session instanceof DatabaseSessionImpl databaseSession && !databaseSession.isLoggedIn()) {
                    return closedConnection();
                }
                throw e;
            }
        }
    }

    private static Connection closedConnection() {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "isClosed" -> true;
                    case "isValid" -> false;
                    case "close" -> null;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "unavailable database connection";
                    default -> throw new SQLException("The database is unavailable");
                });
    }
}
