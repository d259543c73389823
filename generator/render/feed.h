/*
 * feed.xml, an Atom 1.0 feed of what changed on the site, in the package
 * stage: dated pages and dataset releases, newest first, at most
 * FEED_MAX entries.
 *
 *	struct feed *f = feed_new();
 *	feed_add(f, "/tin/a/", "/tin/a/", "Tin A", "2024-05-16", NULL, "...");
 *	feed_add(f, "/dataset/d/#1.0.0", "/dataset/d/", "D", "2024-06-01",
 *	    "2024-05-16", NULL);
 *	feed_atom(f, &site, &b);
 *	feed_free(f);
 *
 * Invariants: the same entries give the same bytes whatever the order
 * they were added in (ties in date are ordered by id); the feed's own
 * <updated> is its newest entry's, so a build that changes nothing
 * changes nothing here.  Entry ids are the absolute URL of "id" under
 * the base URL; without a base URL they are urn:uuid: names made from a
 * hash of the site's title and "id", and links are relative to the
 * feed, which sits at the site root.
 */
#ifndef PLANPRESS_FEED_H
#define PLANPRESS_FEED_H

#include <stddef.h>

struct buf;
struct feed;

/* The most entries a feed lists. */
#define FEED_MAX	50

/* The site the feed is about; every string may be "" but title. */
struct feed_site {
	const char	*title;
	const char	*subtitle;	/* site.yaml description */
	const char	*base;		/* "" or an absolute URL ending in '/' */
	const char	*lang;
	const char	*author;	/* the publisher's name, else title */
	const char	*updated;	/* YYYY-MM-DD: when there is no entry */
};

/* A new, empty feed; free it with feed_free(). */
struct feed	*feed_new(void);

/* feed_free(NULL) does nothing. */
void		 feed_free(struct feed *f);

/*
 * Add an entry: its stable "id" (a site path, which may carry a
 * fragment: "/dataset/d/#1.0.0"), the site path "link" of its page, its
 * "title", the day it last changed "updated" and the day it first
 * appeared "published" (YYYY-MM-DD; "published" may be NULL) and a
 * plain-text "summary" (NULL or "" for none).  Strings are copied.
 */
void		 feed_add(struct feed *f, const char *id, const char *link,
		    const char *title, const char *updated,
		    const char *published, const char *summary);

/*
 * Like feed_add(), but the summary is written to "out" by sum(arg, out)
 * only if the entry is one of the FEED_MAX that feed_atom() writes, so a
 * site of many dated pages summarises only its newest.  "arg" must stay
 * valid until feed_atom() has run.
 */
void		 feed_add_lazy(struct feed *f, const char *id,
		    const char *link, const char *title, const char *updated,
		    const char *published, void (*sum)(void *, struct buf *),
		    void *arg);

/* The number of entries added. */
size_t		 feed_count(const struct feed *f);

/* Append the Atom document of "f" for site "s" to "out". */
void		 feed_atom(const struct feed *f, const struct feed_site *s,
		    struct buf *out);

#endif
