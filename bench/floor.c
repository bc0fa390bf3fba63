/*
 * The floor for bench/run: read every plan and parse its YAML with libyaml, nothing else.
 *
 *   cc -O2 -o floor bench/floor.c -lyaml     (Debian: libyaml-dev)
 *   floor PATH...                            (plans, or folders searched for .md/.yaml/.yml)
 *
 * For a .md file the YAML is the front matter between the first two "---" lines; a .yaml or
 * .yml file is YAML throughout. Every event is pulled from the parser, so the whole document
 * is parsed, and the number of events and of headings ("#" lines in the Markdown body) is
 * printed, so the work cannot be skipped. No plan can cost less than this.
 * Exit status: 0, or 2 when a file cannot be read or its YAML does not parse.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static long events_total, headings_total, plans_total;
static int failed;

static int has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static char *read_file(const char *path, size_t *size) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger) { free(buf); buf = NULL; }
            buf = bigger;
        }
    }
    fclose(f);
    *size = len;
    return buf;
}

static void parse_yaml(const char *path, const unsigned char *text, size_t size) {
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser)) { failed = 1; return; }
    yaml_parser_set_input_string(&parser, text, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            fprintf(stderr, "%s:%lu: %s\n", path, (unsigned long)parser.problem_mark.line + 1,
                    parser.problem ? parser.problem : "YAML error");
            failed = 1;
            break;
        }
        events_total++;
        int done = event.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&event);
        if (done) break;
    }
    yaml_parser_delete(&parser);
}

static void plan(const char *path) {
    size_t size;
    char *text = read_file(path, &size);
    if (!text) { perror(path); failed = 1; return; }
    plans_total++;
    if (has_suffix(path, ".md")) {
        const char *body = text, *end = text + size;
        if (size >= 4 && memcmp(text, "---\n", 4) == 0) {
            const char *close = NULL;
            for (const char *p = text + 3; p && p < end; p = memchr(p + 1, '\n', (size_t)(end - p - 1))) {
                if (end - p >= 4 && memcmp(p, "\n---", 4) == 0) { close = p; break; }
            }
            if (close) {
                parse_yaml(path, (const unsigned char *)text + 4, (size_t)(close - text - 4 + 1));
                body = close + 4;
            }
        }
        for (const char *p = body; p < end;) {
            if (*p == '#') headings_total++;
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
    } else {
        parse_yaml(path, (const unsigned char *)text, size);
    }
    free(text);
}

static void walk(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) { perror(path); failed = 1; return; }
    if (!S_ISDIR(st.st_mode)) { plan(path); return; }
    struct dirent **names;
    int n = scandir(path, &names, NULL, alphasort);
    if (n < 0) { perror(path); failed = 1; return; }
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (name[0] != '.') {
            size_t len = strlen(path) + strlen(name) + 2;
            char *child = malloc(len);
            snprintf(child, len, "%s/%s", path, name);
            if (stat(child, &st) == 0 && S_ISDIR(st.st_mode)) walk(child);
            else if (has_suffix(name, ".md") || has_suffix(name, ".yaml") || has_suffix(name, ".yml")) plan(child);
            free(child);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: floor PATH...\n"); return 64; }
    for (int i = 1; i < argc; i++) walk(argv[i]);
    printf("%ld plans, %ld YAML events, %ld headings\n", plans_total, events_total, headings_total);
    return failed ? 2 : 0;
}
