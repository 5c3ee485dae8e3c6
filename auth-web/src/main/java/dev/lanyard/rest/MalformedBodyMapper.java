package dev.lanyard.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that could not be read as the JSON expected (syntax, or a value of the wrong type): 400. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return Response.status(Response.Status.BAD_REQUEST)
                .entity(new MessageBody("The request body is not valid JSON of the expected shape."))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
