"""Documents -> site files: pages, static API, search index, feeds, calendars, statistics, i18n."""
