"use strict"; /* dyad dashboard; talks to /api/series, /api/events, /api/actors, /api/code */
