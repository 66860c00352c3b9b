// @ts-check
import { defineConfig } from 'astro/config';
import { archiveConfig } from './src/integrations/archive-config.ts';

export default defineConfig(archiveConfig(new URL('.', import.meta.url)));
