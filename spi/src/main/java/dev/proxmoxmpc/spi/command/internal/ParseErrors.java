package dev.proxmoxmpc.spi.command.internal;

import dev.proxmoxmpc.spi.command.Suggest;
import dev.proxmoxmpc.spi.command.UsageException;
import java.util.List;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/** picocli's parse errors in the console's words: one line, the option named, never a Java class name. Pure. */
final class ParseErrors {
    private ParseErrors() {}

    static String message(ParameterException e, Declaration d, List<String> args) {
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unmatched(u.getUnmatched().get(0), d);
        }
        if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec arg = m.getMissing().get(0);
            String label = Declaration.label(arg);
            if (arg instanceof OptionSpec o && typed(o, args)) {
                return label + " needs a value";
            }
            return "missing " + label;
        }
        ArgSpec arg = e.getArgSpec();
        if (arg != null && e.getValue() != null) {
            return conversion(Declaration.label(arg), arg, e.getValue(), e.getCause());
        }
        return clean(e.getMessage());
    }

    private static String unmatched(String word, Declaration d) {
        if (word.startsWith("-") && word.length() > 1 && !word.matches("-\\d.*")) {
            String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            String hint = Suggest.closest(flag, d.optionNames()).map(s -> "; did you mean " + s + "?").orElse("");
            return "unknown option " + flag + hint;
        }
        return "unexpected '" + word + "'";
    }

    private static String conversion(String label, ArgSpec arg, String value, Throwable cause) {
        if (cause instanceof UsageException u) {
            return u.getMessage();
        }
        if (cause instanceof TypeConversionException t && arg.converters().length > 0 && t.getMessage() != null
                && !t.getMessage().isBlank() && !t.getMessage().contains("Exception")) {
            return label + " " + t.getMessage();
        }
        Class<?> type = arg.auxiliaryTypes().length > 0 && (arg.isMultiValue() || arg.type().isArray())
                ? arg.auxiliaryTypes()[0] : arg.type();
        return label + " must be " + expected(type) + ", got '" + value + "'";
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            StringBuilder sb = new StringBuilder("one of ");
            Object[] constants = type.getEnumConstants();
            for (int i = 0; i < constants.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(constants[i].toString());
            }
            return sb.toString();
        }
        return "a valid value";
    }

    private static boolean typed(OptionSpec o, List<String> args) {
        for (String a : args) {
            for (String n : o.names()) {
                if (a.equals(n) || a.startsWith(n + "=")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return picocli's own message without its quoting of option names. */
    private static String clean(String message) {
        return message == null ? "invalid command line" : message.replaceAll("'(--?[A-Za-z0-9-]+)(=[^']*)?'", "$1").strip();
    }
}
