package dev.proxmoxmpc.plugin.terraform.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the expressions the importer can know statically: literals, templates, lists, objects, and
 * references to variables with defaults ({@code var.x}) and locals ({@code local.y}). Anything else (function
 * calls, operators, conditionals, for expressions, resource references) raises {@link NotEvaluable}.
 */
public final class Evaluator {
    /** The expression cannot be evaluated; the message says why. */
    public static final class NotEvaluable extends Exception {
        public NotEvaluable(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, Object> variables;
    private final Map<String, Ast.Expr> locals;
    private final Map<String, Object> localValues = new LinkedHashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param variables variable name -> default value (already evaluated)
     * @param locals    local name -> expression
     */
    public Evaluator(Map<String, Object> variables, Map<String, Ast.Expr> locals) {
        this.variables = variables;
        this.locals = locals;
    }

    /** @return a String, BigDecimal, Boolean, null, List or Map. */
    public Object eval(Ast.Expr e) throws NotEvaluable {
        if (e instanceof Ast.Literal l) {
            return l.value();
        }
        if (e instanceof Ast.Template t) {
            return template(t);
        }
        if (e instanceof Ast.Tuple t) {
            List<Object> out = new ArrayList<>();
            for (Ast.Expr item : t.items()) {
                out.add(eval(item));
            }
            return out;
        }
        if (e instanceof Ast.ObjectCons o) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Ast.Entry entry : o.entries()) {
                String key = entry.key() instanceof Ast.Traversal tr && tr.steps().isEmpty() ? tr.root() : text(eval(entry.key()));
                out.put(key, eval(entry.value()));
            }
            return out;
        }
        if (e instanceof Ast.Traversal tr) {
            return traversal(tr);
        }
        if (e instanceof Ast.Call c) {
            throw new NotEvaluable("function call " + c.name() + "()");
        }
        throw new NotEvaluable(((Ast.Other) e).kind() + " expression");
    }

    private Object template(Ast.Template t) throws NotEvaluable {
        StringBuilder sb = new StringBuilder();
        for (Ast.Part p : t.parts()) {
            if (p instanceof Ast.Text x) {
                sb.append(x.text());
            } else if (p instanceof Ast.Interpolation i) {
                sb.append(text(eval(i.expr())));
            } else {
                throw new NotEvaluable("template directive %{ " + ((Ast.Directive) p).keyword() + " }");
            }
        }
        return sb.toString();
    }

    private static String text(Object v) throws NotEvaluable {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        throw new NotEvaluable("a " + (v == null ? "null" : "list or object") + " value inside a string template");
    }

    private Object traversal(Ast.Traversal tr) throws NotEvaluable {
        if (tr.steps().isEmpty() || !(tr.steps().get(0) instanceof String name)) {
            throw new NotEvaluable("reference " + tr.root());
        }
        Object v;
        if (tr.root().equals("var")) {
            if (!variables.containsKey(name)) {
                throw new NotEvaluable("var." + name + " has no default value");
            }
            v = variables.get(name);
        } else if (tr.root().equals("local")) {
            v = local(name);
        } else {
            throw new NotEvaluable("reference " + tr.root() + "." + name);
        }
        for (Object step : tr.steps().subList(1, tr.steps().size())) {
            v = step(v, step instanceof Ast.Expr ex ? eval(ex) : step);
        }
        return v;
    }

    private static Object step(Object v, Object key) throws NotEvaluable {
        if (v instanceof Map<?, ?> m && m.containsKey(text(key))) {
            return m.get(text(key));
        }
        if (v instanceof List<?> l && key instanceof BigDecimal d && d.intValue() >= 0 && d.intValue() < l.size()) {
            return l.get(d.intValue());
        }
        if (v instanceof List<?> l && key instanceof String s && s.matches("\\d+") && Integer.parseInt(s) < l.size()) {
            return l.get(Integer.parseInt(s));
        }
        throw new NotEvaluable("index or attribute " + key + " does not exist");
    }

    private Object local(String name) throws NotEvaluable {
        if (localValues.containsKey(name)) {
            return localValues.get(name);
        }
        Ast.Expr e = locals.get(name);
        if (e == null) {
            throw new NotEvaluable("local." + name + " is not defined");
        }
        if (!evaluating.add(name)) {
            throw new NotEvaluable("local." + name + " refers to itself");
        }
        try {
            Object v = eval(e);
            localValues.put(name, v);
            return v;
        } finally {
            evaluating.remove(name);
        }
    }
}
