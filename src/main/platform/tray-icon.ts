/**
 * The tray's 16×16 icon: build/icons/16x16.png (TokenDesk's mark, rendered from build/icon.svg),
 * inline so it ships inside the main bundle with no asset path to resolve in a packaged app.
 */
export const TRAY_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAABmJLR0QA/wD/AP+gvaeTAAAB2ElEQVQ4jZ2RP2hTURTGf+e+lxKMsa2h/qlYMGpMrYoIgmIpDukmBRGJZBMRUseCXVVwqCAIDgU3EZVgHRx0MS0OUgpKdZBAk6JVU6pNwNQ+S2OS966DJubRmlK/5V4+zvc7594j/FEolgnajh0RdCsNpJGCaUsyPRKeARCAvdHUeY0MA95G4ToVRaR/OtF5V0KxTNCxK6l1hGsQw1H7lbbLvf8RBvBWREeUFrbXu4FNJse7fHRsbVqTIMrZYdYbF/sCDETbMA0B4NnEIoPDc5TK+p+QGqD7kI/B2BYm08skRgsc69rAmZMtfPpS4taj/NqA3qN+bAfiN7MsWDZPXn7nxEEfF04F6Dm80RV68eYHtx/n3YAV7xNAQCk4EPSyYNm0+A0+z5dcdap6ef7KwlBw5/JOTvc0MxRvZ9tmD8nXFgBjk7/Pofu5WnfXBOPvlrjxIMdAtI0jl9oBeDq+yPV7X8lkf/J2epm+7mbmv1Xck+45l7qKlitVo9VvEO7wks2XmM2VXcVNHnFvRPQ1U6PmhL9mwbKZSC2t+i8r1qllVhnKGAWKqyYaq2g4akxlHoY+iEj/OiFFrSWeHgnPSNXZd3ZqV0V0RNC7GyU18t6jSE4lOj8C/AL/G6P0YX81GAAAAABJRU5ErkJggg==';
