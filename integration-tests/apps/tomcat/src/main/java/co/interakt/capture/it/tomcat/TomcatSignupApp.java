package co.interakt.capture.it.tomcat;

import co.interakt.capture.it.servlets.SignupRoutes;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.glassfish.jersey.servlet.ServletContainer;

/** Embedded Tomcat 11 on {@code -Dport} (its work files in ./tomcat.<port>): the plain servlets, and Jersey under {@code /jersey/*}. */
public final class TomcatSignupApp {
    private TomcatSignupApp() {
    }

    public static void main(String[] args) throws LifecycleException, ReflectiveOperationException {
        Tomcat tomcat = new Tomcat();
        tomcat.setPort(Integer.getInteger("port", 8080));
        Context context = tomcat.addContext("", null);
        for (Map.Entry<String, Class<? extends HttpServlet>> route : SignupRoutes.servlets().entrySet()) {
            String name = route.getValue().getSimpleName();
            Tomcat.addServlet(context, name, route.getValue().getDeclaredConstructor().newInstance());
            context.addServletMappingDecoded(route.getKey(), name);
        }
        Tomcat.addServlet(context, "jersey", new ServletContainer(new SignupResources()));
        context.addServletMappingDecoded("/jersey/*", "jersey");
        tomcat.getConnector();
        tomcat.start();
        tomcat.getServer().await();
    }
}
