package dev.proxmoxmpc.spi.testkit;

import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.context.FieldValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@link TemplateRenderer} for tests with the kernel's rules: Handlebars without HTML escaping, only
 * built-in helpers, map/bean/method/field resolvers; {@code <name>.hbs} from an optional override directory,
 * else from {@code templates/<name>.hbs} on the owner's class path.
 */
public final class ClasspathTemplates implements TemplateRenderer {
    private final Handlebars handlebars = new Handlebars().with(EscapingStrategy.NOOP);
    private final Optional<Path> overrides;

    /** Renders the owner's bundled templates. */
    public ClasspathTemplates() {
        this.overrides = Optional.empty();
    }

    /** Renders templates from {@code overrideDir} when present there (like a project's .proxmox/templates/). */
    public ClasspathTemplates(Path overrideDir) {
        this.overrides = Optional.of(overrideDir);
    }

    @Override
    public String render(Class<?> owner, String template, Object model) {
        String source = read(owner, template);
        try {
            Template t = handlebars.compileInline(source);
            Context ctx = Context.newBuilder(model)
                    .resolver(MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE,
                            MethodValueResolver.INSTANCE, FieldValueResolver.INSTANCE)
                    .build();
            try {
                return t.apply(ctx);
            } finally {
                ctx.destroy();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("template " + template + " does not render: " + e.getMessage(), e);
        }
    }

    private String read(Class<?> owner, String template) {
        try {
            if (overrides.isPresent()) {
                Path p = overrides.get().resolve(template + ".hbs");
                if (Files.isRegularFile(p)) {
                    return Files.readString(p, StandardCharsets.UTF_8);
                }
            }
            try (InputStream in = owner.getClassLoader().getResourceAsStream("templates/" + template + ".hbs")) {
                if (in == null) {
                    throw new IllegalArgumentException("no template " + template + " (templates/" + template + ".hbs)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
