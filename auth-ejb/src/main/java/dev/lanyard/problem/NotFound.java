package dev.lanyard.problem;

public class NotFound extends Problem {

    public NotFound(String message) {
        super(message);
    }
}
