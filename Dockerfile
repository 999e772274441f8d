# A small image with only the packed CLI (no sources, no devDependencies):
#   node scripts/build-package.mjs --pack
#   docker build -t postmortem-lint .
#   docker run --rm -v "$PWD:/work" postmortem-lint lint            # lints the current folder
#   docker run --rm -i postmortem-lint lint --stdin < postmortem.md
# The build context is packages/cli/ only (see .dockerignore): the tarball `--pack` writes there.
FROM node:20-bookworm-slim

ARG VERSION=0.1.0
COPY packages/cli/postmortem-lint-cli-${VERSION}.tgz /tmp/postmortem-lint-cli.tgz
RUN npm install -g --offline --no-audit --no-fund --ignore-scripts /tmp/postmortem-lint-cli.tgz \
    && rm /tmp/postmortem-lint-cli.tgz \
    && npm cache clean --force

USER node
WORKDIR /work
ENTRYPOINT ["postmortem"]
CMD ["lint"]
