// Progressive enhancement of the large-text + high-contrast switch: without this script the
// form posts to /display and the server sets the cookie; with it the page switches at once.
document.addEventListener('DOMContentLoaded', () => {
  const form = document.querySelector('form.display');
  if (!form) return;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const large = !document.documentElement.classList.contains('large');
    document.documentElement.classList.toggle('large', large);
    document.cookie = 'gk_display=' + (large ? 'large' : 'normal') +
        '; path=/; max-age=31536000; samesite=lax';
    const button = form.querySelector('button');
    button.value = large ? 'normal' : 'large';
    button.textContent = large ? '标准显示' : '大字号与高对比度';
    button.setAttribute('aria-pressed', large ? 'true' : 'false');
  });
});
