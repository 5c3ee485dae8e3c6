package dev.lanyard.example.post.boundary;

import dev.lanyard.account.boundary.Accounts;
import dev.lanyard.example.post.entity.Post;
import dev.lanyard.paging.Page;
import dev.lanyard.paging.PageRequest;
import dev.lanyard.problem.Forbidden;
import dev.lanyard.problem.NotFound;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/** Writes, lists, revises and deletes posts; only a post's author or an admin may change it. */
@Stateless
public class Posts {

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    private final Clock clock = Clock.systemUTC();

    public Page<Post> newestFirst(PageRequest request) {
        return Page.of(
                em.createNamedQuery(Post.NEWEST_FIRST, Post.class),
                em.createNamedQuery(Post.COUNT, Long.class),
                request);
    }

    public Post post(long postId) {
        return em.createNamedQuery(Post.WITH_AUTHOR_BY_ID, Post.class)
                .setParameter("id", postId)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFound("No such post."));
    }

    public Post write(long authorId, String title, String body) {
        var post = new Post(accounts.caller(authorId), title, body, clock.instant());
        em.persist(post);
        em.flush();
        return post;
    }

    /** Changes what is given and keeps the rest; {@code admin}: whether the editor holds role admin. */
    public Post revise(long postId, long editorId, boolean admin, Optional<String> title, Optional<String> body) {
        Post post = changeableBy(postId, editorId, admin);
        post.revise(title.orElse(post.title()), body.orElse(post.body()), clock.instant());
        return post;
    }

    public void delete(long postId, long editorId, boolean admin) {
        em.remove(changeableBy(postId, editorId, admin));
    }

    private Post changeableBy(long postId, long editorId, boolean admin) {
        Post post = post(postId);
        if (!admin && !post.isAuthoredBy(editorId)) {
            throw new Forbidden("Only the post's author or an admin may change it.");
        }
        return post;
    }
}
