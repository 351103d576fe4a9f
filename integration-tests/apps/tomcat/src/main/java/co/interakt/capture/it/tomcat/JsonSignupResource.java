package co.interakt.capture.it.tomcat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /jersey/signup}: a JSON POJO bound by Jackson; 201 with the registered email. */
@Path("/signup")
public class JsonSignupResource {

    /** The request body, bound the classic JavaBean way. */
    public static class Signup {
        public String email;
        public String name;
        public String city;
        public String password;
    }

    /** The answer's body. */
    public static class Registered {
        public String registered;

        Registered(String email) {
            this.registered = email;
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response signup(Signup signup) {
        if (signup.email == null || signup.password == null) {
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        return Response.status(Response.Status.CREATED).entity(new Registered(signup.email)).build();
    }
}
