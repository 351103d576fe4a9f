package co.interakt.capture.it.undertow;

import co.interakt.capture.it.servlets.SignupRoutes;
import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletException;

/** Embedded Undertow (its servlet container) on {@code -Dport} with the plain servlets. */
public final class UndertowSignupApp {
    private UndertowSignupApp() {
    }

    public static void main(String[] args) throws ServletException {
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowSignupApp.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("signup.war");
        SignupRoutes.servlets().forEach((path, servlet) ->
                deployment.addServlet(Servlets.servlet(servlet.getSimpleName(), servlet).addMapping(path)));
        DeploymentManager manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        Undertow.builder()
                .addHttpListener(Integer.getInteger("port", 8080), "127.0.0.1")
                .setHandler(manager.start())
                .build()
                .start();
    }
}
