/* The libcmark floor: read every article, convert its Markdown with libcmark, write the HTML.
   No annotations, templates or indexes: the least any Markdown site generator must do. */
#include <cmark.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cmark_floor ARTICLES OUTPUT\n"); return 2; }
    DIR *dir = opendir(argv[1]);
    if (!dir) { perror(argv[1]); return 1; }
    struct dirent *entry;
    char path[4096];
    int count = 0;
    while ((entry = readdir(dir))) {
        size_t length = strlen(entry->d_name);
        if (length < 4 || strcmp(entry->d_name + length - 3, ".md") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        FILE *in = fopen(path, "rb");
        if (!in) { perror(path); return 1; }
        fseek(in, 0, SEEK_END);
        long size = ftell(in);
        fseek(in, 0, SEEK_SET);
        char *text = malloc(size + 1);
        if (fread(text, 1, size, in) != (size_t)size) { perror(path); return 1; }
        fclose(in);
        text[size] = 0;
        char *body = text;
        if (strncmp(text, "---\n", 4) == 0) {
            char *end = strstr(text + 4, "\n---\n");
            if (end) body = end + 5;
        }
        char *html = cmark_markdown_to_html(body, strlen(body), CMARK_OPT_DEFAULT);
        snprintf(path, sizeof path, "%s/%.*s.html", argv[2], (int)(length - 3), entry->d_name);
        FILE *out = fopen(path, "wb");
        if (!out) { perror(path); return 1; }
        fputs(html, out);
        fclose(out);
        free(html);
        free(text);
        count++;
    }
    closedir(dir);
    printf("%d articles\n", count);
    return 0;
}
