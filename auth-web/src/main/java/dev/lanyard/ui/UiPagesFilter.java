package dev.lanyard.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Pages of the web UI that mails link to by path, not by {@code #/…}: a browser opening such a link gets the UI's
 * page, which reads its path and shows the screen. The page sits at the same level as {@code /}, so its
 * relative addresses (styles, scripts, {@code api/}) resolve as they do there.
 */
@WebFilter(urlPatterns = "/reset-password")
public class UiPagesFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            request.getRequestDispatcher("/index.html").forward(request, response);
        } else {
            chain.doFilter(request, response);
        }
    }
}
