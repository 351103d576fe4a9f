package co.interakt.capture.it.tomcat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /jersey/form-signup}: an urlencoded form bound with {@code @FormParam}; 201 Created. */
@Path("/form-signup")
public class FormSignupResource {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public Response signup(@FormParam("email") String email, @FormParam("name") String name,
            @FormParam("city") String city, @FormParam("password") String password) {
        if (email == null || password == null) {
            return Response.status(Response.Status.BAD_REQUEST).entity("email and password are required").build();
        }
        return Response.status(Response.Status.CREATED).entity("Welcome, " + name).build();
    }
}
