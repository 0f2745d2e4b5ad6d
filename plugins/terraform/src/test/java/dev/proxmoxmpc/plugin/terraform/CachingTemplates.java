package dev.proxmoxmpc.plugin.terraform;

import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.EscapingStrategy;
import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.context.FieldValueResolver;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import dev.proxmoxmpc.spi.iac.TemplateRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The test kit's rendering rules with compiled templates cached, as the kernel's renderer does (for the benchmark). */
final class CachingTemplates implements TemplateRenderer {
    private final Handlebars handlebars = new Handlebars().with(EscapingStrategy.NOOP);
    private final Map<String, Template> cache = new ConcurrentHashMap<>();

    @Override
    public String render(Class<?> owner, String template, Object model) {
        Template t = cache.computeIfAbsent(template, name -> compile(owner, name));
        Context ctx = Context.newBuilder(model).resolver(MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE,
                MethodValueResolver.INSTANCE, FieldValueResolver.INSTANCE).build();
        try {
            return t.apply(ctx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            ctx.destroy();
        }
    }

    private Template compile(Class<?> owner, String name) {
        try (InputStream in = owner.getClassLoader().getResourceAsStream("templates/" + name + ".hbs")) {
            return handlebars.compileInline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
