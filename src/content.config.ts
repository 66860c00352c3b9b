import { defineCollection } from 'astro:content';
import { articleLoader, registriesLoader } from './data/article-loader.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
  registries: defineCollection({ loader: registriesLoader() }),
};
