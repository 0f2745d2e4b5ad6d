package dev.proxmoxmpc.spi.iac;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Renders Handlebars templates. The kernel owns the engine: a template {@code terraform/vm.tf} is read from the
 * project's {@code .proxmox/templates/terraform/vm.tf.hbs} when present, else from
 * {@code templates/terraform/vm.tf.hbs} on the class path of {@code owner}'s class loader (the plugin's JAR).
 *
 * <p>Rules that keep output identical everywhere: no HTML escaping is applied ({@code {{x}}} inserts x as is),
 * so values must arrive already escaped for the target language; only Handlebars' built-in helpers
 * ({@code if}, {@code unless}, {@code each}, {@code with}) are available; models are maps, lists, strings,
 * numbers, booleans, or records (accessors resolve by name). Thread-safe.
 */
@API(status = STABLE, since = "1.0")
public interface TemplateRenderer {

    /**
     * @param owner    a class of the calling plugin, whose class loader holds the default template
     * @param template the template name without {@code .hbs} ({@code terraform/vm.tf})
     * @param model    the context object
     * @return the rendered text
     * @throws IllegalArgumentException when the template does not exist or does not parse (message names it)
     */
    String render(Class<?> owner, String template, Object model);
}
