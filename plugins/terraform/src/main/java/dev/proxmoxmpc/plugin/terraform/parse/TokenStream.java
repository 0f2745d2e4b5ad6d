package dev.proxmoxmpc.plugin.terraform.parse;

import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Kind;
import dev.proxmoxmpc.plugin.terraform.parse.Lexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The token side of the parser: one token of look-ahead, line ends skipped while inside brackets. */
abstract class TokenStream {
    final Lexer lex;
    final String file;
    Token peeked;
    int nesting;

    TokenStream(Lexer lexer) {
        this.file = lexer.file();
        this.lex = lexer;
    }

    Token peek() {
        if (peeked == null) {
            peeked = lex.next();
            while (nesting > 0 && peeked.kind() == Kind.NEWLINE) {
                peeked = lex.next();
            }
        }
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    boolean at(String punct) {
        Token t = peek();
        return t.kind() == Kind.PUNCT && t.text().equals(punct);
    }

    boolean atWord(String word) {
        Token t = peek();
        return t.kind() == Kind.IDENT && t.text().equals(word);
    }

    Token expect(String punct, String what) {
        Token t = next();
        if (t.kind() != Kind.PUNCT || !t.text().equals(punct)) {
            throw lex.error(t.start(), "expected " + what + ", found " + describe(t));
        }
        return t;
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case EOF -> "end of file";
            case NEWLINE -> "end of line";
            default -> "'" + t.text() + "'";
        };
    }

    void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            next();
        }
    }

    /** @return the next token (used by the template reader to close interpolations and directives). */
    Token token() {
        Token t = peek();
        peeked = null;
        return t;
    }

    Token peekToken() {
        nesting++;
        Token t = peek();
        nesting--;
        return t;
    }

    /** Directive state shared by a template: the open if/for directives. */
    final Deque<String> directives = new ArrayDeque<>();

    String file() {
        return file;
    }
}
