// Calls to /api: JSON in and out, the bearer token when the server asks for one.

const TOKEN_KEY = "pressfacts-token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra) {
  const out = { Accept: "application/json", ...extra };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) out.Authorization = `Bearer ${token}`;
  return out;
}

async function send(path, options) {
  const response = await fetch(path, options);
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null; // not JSON: a proxy's page, a dropped connection
  }
  if (!response.ok) {
    const message = body && typeof body.error === "string" ? body.error : response.statusText;
    if (response.status === 401) document.dispatchEvent(new CustomEvent("pressfacts:token-needed"));
    throw new ApiError(response.status, message);
  }
  return body;
}

export function apiGet(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  return send(url, { headers: headers() });
}

// `body`: a string (sent as text/plain or text/html) or a File (sent as a multipart upload).
export function extractRelease(body, { store = false } = {}) {
  const url = store ? "/api/extract?store=true" : "/api/extract";
  if (body instanceof File) {
    const form = new FormData();
    form.append("file", body, body.name);
    return send(url, { method: "POST", headers: headers(), body: form });
  }
  const type = /^\s*</.test(body) && /<(html|body|p|div|table|br)[\s>/]/i.test(body) ? "text/html" : "text/plain";
  return send(url, { method: "POST", headers: headers({ "Content-Type": `${type}; charset=utf-8` }), body });
}
