// The phone menu is a :target panel that works without script. A followed link would add a history entry for each
// open and close, so Back would reopen the menu: with script, the same addresses replace the current entry instead.
document.addEventListener('click', event => {
  const link = event.target instanceof Element ? event.target.closest('a.menu-link, a.menu-close') : null;
  if (link === null) {
    return;
  }

  event.preventDefault();
  location.replace(link.getAttribute('href'));
});
