package dev.lanyard.it.support;

import java.net.MalformedURLException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black-box tests of the WAR Maven built, deployed on Payara Micro and called over HTTP. */
@ExtendWith(SuiteDatabase.class)
@ExtendWith(SuiteMail.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class MicroTest {

    @ArquillianResource
    protected URL base;

    @Deployment(testable = false)
    public static WebArchive lanyard() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, Deployments.war());
    }

    protected Api api() {
        return new Api(base);
    }

    /** Health, OpenAPI and metrics live at the server's root, outside the application's context root. */
    protected Api serverRoot() {
        try {
            return new Api(new URL(base, "/"));
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
